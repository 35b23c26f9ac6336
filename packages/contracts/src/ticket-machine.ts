/**
 * The ticket (事件/工单) closed loop as data: states, operations and which operation applies in
 * which state. The server enforces it (one state machine, modules/tickets/machine.ts); the web
 * app uses the same table to label things, but always asks the server what the user may do now.
 * Names follow shared/domain.md §5.
 */
import { Type } from 'typebox';

export const TicketChannels = [
  'gridWorker',
  'resident',
  'hotline12345',
  'videoPatrol',
  'department',
  'walkIn',
  'meeting',
] as const;
export type TicketChannel = (typeof TicketChannels)[number];
export const TicketChannel = Type.Enum(TicketChannels);

export const TicketUrgencies = ['normal', 'urgent'] as const;
export type TicketUrgency = (typeof TicketUrgencies)[number];
export const TicketUrgency = Type.Enum(TicketUrgencies);

/**
 * reported 待受理 → accepted 已受理 → assigned 已交办 → inProgress 办理中 → resolved 已办结 →
 * verified 已核查 → closed 已结案 → evaluated 已评价; rejected 不予受理 ends a ticket at intake.
 */
export const TicketStates = [
  'reported',
  'accepted',
  'assigned',
  'inProgress',
  'resolved',
  'verified',
  'closed',
  'evaluated',
  'rejected',
] as const;
export type TicketState = (typeof TicketStates)[number];
export const TicketState = Type.Enum(TicketStates);

/** States in which a ticket still waits for someone to solve it (lights run). */
export const openTicketStates: readonly TicketState[] = ['reported', 'accepted', 'assigned', 'inProgress'];
/** States counted as 办结 (done) in statistics. */
export const doneTicketStates: readonly TicketState[] = ['closed', 'evaluated'];

/** The level that holds (and finally handled) a ticket: 小事不出村、大事不出镇. */
export const HandlingLevels = ['grid', 'village', 'township', 'county', 'department'] as const;
export type HandlingLevel = (typeof HandlingLevels)[number];
export const HandlingLevel = Type.Enum(HandlingLevels);

export const Lights = ['green', 'yellow', 'red'] as const;
export type Light = (typeof Lights)[number];
export const Light = Type.Enum(Lights);

/** Deadline stages of 13710: accept and assign (1 WD), procedural feedback (3 WD), resolution (7 WD / 1 month). */
export const TicketStages = ['accept', 'feedback', 'resolve'] as const;
export type TicketStage = (typeof TicketStages)[number];
export const TicketStage = Type.Enum(TicketStages);

export const SupervisionLevels = ['normal', 'yellowCard', 'redCard'] as const;
export type SupervisionLevel = (typeof SupervisionLevels)[number];
export const SupervisionLevel = Type.Enum(SupervisionLevels);

export const TicketOperations = [
  'accept',
  'reject',
  'assign',
  'selfResolve',
  'start',
  'feedback',
  'transfer',
  'return',
  'escalate',
  'consult',
  'requestExtension',
  'decideExtension',
  'resolve',
  'verify',
  'close',
  'evaluate',
  'reopen',
] as const;
export type TicketOperation = (typeof TicketOperations)[number];
export const TicketOperation = Type.Enum(TicketOperations);

/**
 * Who may perform an operation:
 * - holder: a user whose grant sits at the holding unit, or a handler of the holding department;
 * - superior: a user whose grant covers the holding unit from above (or the department's unit);
 * - dispatcher: a county dispatcher covering the ticket;
 * - locality: a user whose grant covers the ticket's location (the grid that reported it), for
 *   verifying, closing and evaluating on the spot.
 */
export const TicketActorRoles = ['holder', 'superior', 'dispatcher', 'locality'] as const;
export type TicketActorRole = (typeof TicketActorRoles)[number];

export interface OperationRule {
  from: readonly TicketState[];
  by: readonly TicketActorRole[];
}

export const ticketMachine: Record<TicketOperation, OperationRule> = {
  accept: { from: ['reported'], by: ['holder', 'superior', 'dispatcher'] },
  reject: { from: ['reported', 'accepted'], by: ['holder', 'superior', 'dispatcher'] },
  assign: { from: ['reported', 'accepted', 'inProgress'], by: ['holder', 'superior', 'dispatcher'] },
  selfResolve: { from: ['reported', 'accepted'], by: ['holder'] },
  start: { from: ['accepted', 'assigned'], by: ['holder'] },
  feedback: { from: ['accepted', 'assigned', 'inProgress'], by: ['holder'] },
  transfer: { from: ['accepted', 'assigned', 'inProgress'], by: ['superior', 'dispatcher'] },
  return: { from: ['accepted', 'assigned', 'inProgress'], by: ['holder'] },
  escalate: { from: ['accepted', 'assigned', 'inProgress'], by: ['holder'] },
  consult: { from: ['inProgress'], by: ['holder', 'superior', 'dispatcher'] },
  requestExtension: { from: ['assigned', 'inProgress'], by: ['holder'] },
  decideExtension: { from: ['assigned', 'inProgress'], by: ['superior', 'dispatcher'] },
  resolve: { from: ['inProgress'], by: ['holder'] },
  verify: { from: ['resolved'], by: ['superior', 'dispatcher', 'locality'] },
  close: { from: ['verified'], by: ['superior', 'dispatcher', 'locality'] },
  evaluate: { from: ['closed'], by: ['dispatcher', 'locality'] },
  reopen: { from: ['closed', 'evaluated', 'rejected'], by: ['superior', 'dispatcher'] },
};

/** The operations the machine allows in a state (before asking who the user is). */
export function operationsFrom(state: TicketState): TicketOperation[] {
  return TicketOperations.filter((op) => ticketMachine[op].from.includes(state));
}
