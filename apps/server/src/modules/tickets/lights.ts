/**
 * The stored light of a ticket and when the sweep must look at it next, recomputed after every
 * operation and by the sweep. Storing `next_check_at` keeps the sweep proportional to the tickets
 * whose light or supervision changes, not to the table.
 */
import type { Light } from '@wangge/contracts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { nextCheckAt, stageStatuses, ticketLight, type LightInput, type SupervisionStepRules } from './deadlines.ts';

export interface LightColumns {
  light: Light | null;
  light_at?: Date;
  next_check_at: Date | null;
}

export function lightColumns(
  cal: WorkCalendar,
  row: LightInput & { light: Light | null },
  now: Date,
  /** The supervision steps of the ticket's category and urgency (supervisionStepsOf); 5 working days if not given. */
  steps?: SupervisionStepRules,
): { set: LightColumns; changed: boolean; stages: ReturnType<typeof stageStatuses> } {
  const stages = stageStatuses(row, now);
  const light = ticketLight(stages);
  const changed = light !== row.light;
  const set: LightColumns = { light, next_check_at: nextCheckAt(cal, stages, now, steps) };
  if (changed) set.light_at = now;
  return { set, changed, stages };
}
