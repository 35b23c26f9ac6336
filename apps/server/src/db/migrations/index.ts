/**
 * Every migration, in order. Names sort by their numeric prefix; never edit one that has shipped,
 * add the next number instead.
 */
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_units.ts';
import * as m0003 from './0003_access.ts';
import * as m0004 from './0004_base_data.ts';
import * as m0005 from './0005_work_calendar.ts';
import * as m0006 from './0006_tickets.ts';
import * as m0007 from './0007_files.ts';
import * as m0008 from './0008_ticket_stats.ts';
import * as m0009 from './0009_ticket_stat_month.ts';
import * as m0010 from './0010_ticket_area_time.ts';
import * as m0011 from './0011_unit_listing_order.ts';
import * as m0012 from './0012_ticket_stat_statement.ts';
import * as m0013 from './0013_drop_import_stage.ts';
import * as m0014 from './0014_address_bigrams.ts';
import * as m0015 from './0015_import_privacy.ts';
import * as m0016 from './0016_profile_indexes.ts';
import * as m0017 from './0017_unit_day_figure.ts';
import * as m0018 from './0018_person_id_type.ts';
import * as m0019 from './0019_ticket_stat_valid_tickets.ts';
import * as m0020 from './0020_building_unit_name.ts';
import * as m0021 from './0021_ticket_open_point.ts';
import * as m0022 from './0022_ticket_stat_one_statement.ts';
import * as m0023 from './0023_person_partial_indexes.ts';
import * as m0024 from './0024_ticket_held_open.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_units': m0002,
  '0003_access': m0003,
  '0004_base_data': m0004,
  '0005_work_calendar': m0005,
  '0006_tickets': m0006,
  '0007_files': m0007,
  '0008_ticket_stats': m0008,
  '0009_ticket_stat_month': m0009,
  '0010_ticket_area_time': m0010,
  '0011_unit_listing_order': m0011,
  '0012_ticket_stat_statement': m0012,
  '0013_drop_import_stage': m0013,
  '0014_address_bigrams': m0014,
  '0015_import_privacy': m0015,
  '0016_profile_indexes': m0016,
  '0017_unit_day_figure': m0017,
  '0018_person_id_type': m0018,
  '0019_ticket_stat_valid_tickets': m0019,
  '0020_building_unit_name': m0020,
  '0021_ticket_open_point': m0021,
  '0022_ticket_stat_one_statement': m0022,
  '0023_person_partial_indexes': m0023,
  '0024_ticket_held_open': m0024,
};
