/**
 * The services of every module, built once per process. Routes and jobs reach them through here;
 * a module calls another module's service, never its repository's SQL for writes.
 */
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Clock } from './lib/clock.ts';
import type { FieldCrypto } from './lib/field-crypto.ts';
import { AccessService } from './modules/access/access.service.ts';
import { AuditService } from './modules/audit/audit.service.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { CalendarService } from './modules/calendar/calendar.service.ts';
import { SecondFactorService } from './modules/auth/second-factor.service.ts';
import { HouseholdsService } from './modules/households/households.service.ts';
import { StaffService } from './modules/staff/staff.service.ts';
import { CoverageService } from './modules/units/coverage.service.ts';
import { UnitChains } from './modules/units/unit-chains.ts';
import { MapsService } from './modules/units/maps.service.ts';
import { UnitsService } from './modules/units/units.service.ts';
import { UsersService } from './modules/users/users.service.ts';
import { PeopleExport } from './modules/people/people.export.ts';
import { PeopleService } from './modules/people/people.service.ts';
import { OrganizationsService } from './modules/places/organizations.service.ts';
import { OccupancyService } from './modules/places/occupancy.service.ts';
import { PlacesService } from './modules/places/places.service.ts';
import type { ImportKind } from './modules/imports/import-kind.ts';
import { ImportService } from './modules/imports/import.service.ts';
import { peopleImportKind } from './modules/people/import/import.service.ts';
import { housesImportKind } from './modules/places/import/houses-import.ts';
import { createFileStore, type FileStoreConfig } from './modules/files/create-store.ts';
import { FilesService } from './modules/files/files.service.ts';
import { CategoriesService } from './modules/tickets/categories.service.ts';
import { InboxService } from './modules/tickets/inbox.service.ts';
import { TicketNotifier } from './modules/tickets/notifier.ts';
import { OperationsService } from './modules/tickets/operations.service.ts';
import { StatisticsService } from './modules/tickets/statistics.service.ts';
import { SupervisionService } from './modules/tickets/supervision.service.ts';
import { DashboardService } from './modules/dashboard/dashboard.service.ts';
import { TicketExport } from './modules/tickets/ticket-export.ts';
import { TicketSearchService } from './modules/tickets/ticket-search.service.ts';
import { TicketsService } from './modules/tickets/tickets.service.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function createServices(
  db: Db,
  clock: Clock,
  crypto: FieldCrypto,
  config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours' | 'sessionCacheSeconds' | 'dataDir' | 'importRetentionDays'> &
    FileStoreConfig,
) {
  const audit = new AuditService(db, clock, crypto);
  const access = new AccessService(db, audit);
  const auth = new AuthService(db, clock, audit, {
    idleMinutes: config.sessionIdleMinutes,
    maxHours: config.sessionMaxHours,
    cacheSeconds: config.sessionCacheSeconds,
  });
  const maps = new MapsService(db, clock, access, audit);
  const people = new PeopleService(db, clock, crypto, access, audit);
  const places = new PlacesService(db, clock, access, audit, maps);
  const calendar = new CalendarService(db, clock, access, audit);
  // In-memory databases (tests) import from a temporary directory.
  const importDir =
    config.dataDir === 'memory://' ? path.join(tmpdir(), `wangge-imports-${process.pid}`) : path.join(config.dataDir, 'imports');
  const importService = <G>(kind: ImportKind<G>) =>
    new ImportService(kind, db, clock, crypto, access, audit, importDir, config.importRetentionDays);
  const files = new FilesService(db, clock, audit, createFileStore(config));
  const categories = new CategoriesService(db, clock, audit);
  const ticketNotifier = new TicketNotifier();
  const unitChains = new UnitChains(db);
  const tickets = new TicketsService(db, clock, crypto, access, calendar, categories, maps, ticketNotifier, audit, unitChains);
  tickets.attachments = files;
  const statistics = new StatisticsService(db, clock, access, tickets);
  const ticketSearch = new TicketSearchService(db, clock, access, calendar, categories, tickets);
  const supervision = new SupervisionService(db, clock, access, calendar, tickets, ticketNotifier, categories);
  files.registerOwner('ticket', async (actor, id) => tickets.canRead(actor, id));
  return {
    db,
    places,
    occupancy: new OccupancyService(db, clock, access, audit, places),
    organizations: new OrganizationsService(db, clock, crypto, access, audit, maps),
    people,
    peopleExport: new PeopleExport(db, clock, people, audit),
    peopleImport: importService(peopleImportKind(db, crypto)),
    houseImport: importService(housesImportKind(db)),
    audit,
    access,
    calendar,
    auth,
    secondFactor: new SecondFactorService(db, clock, crypto, audit, auth),
    users: new UsersService(db, clock, access, audit, () => auth.sessionCache.clear()),
    units: new UnitsService(db, clock, access, audit, () => {
      // Unit renames, moves and retirements change grant paths, scopes and ticket holders.
      maps.locator.invalidate();
      auth.sessionCache.clear();
      unitChains.clear();
    }),
    maps,
    unitChains,
    coverage: new CoverageService(db, clock, access),
    staff: new StaffService(db, clock, crypto, access, audit),
    households: new HouseholdsService(db, clock, access, audit),
    files,
    categories,
    ticketNotifier,
    tickets,
    ticketSearch,
    ticketExport: new TicketExport(db, clock, calendar, ticketSearch, audit),
    ticketOperations: new OperationsService(db, clock, access, calendar, categories, tickets, ticketNotifier),
    inbox: new InboxService(db, clock, access, calendar),
    supervision,
    statistics,
    dashboard: new DashboardService(db, clock, access, calendar, supervision, statistics, audit, categories),
  };
}

export type Services = ReturnType<typeof createServices>;
