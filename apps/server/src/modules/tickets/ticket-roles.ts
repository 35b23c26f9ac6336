/**
 * Who the actor is to a ticket (holder, superior, dispatcher, locality) and therefore what the
 * state machine lets them do now. Pure; the rows come from tickets.repo.ts.
 */
import {
  Permission,
  roleHas,
  ticketMachine,
  TicketOperations,
  type TicketActorRole,
  type TicketOperation,
  type TicketState,
} from '@wangge/contracts';
import type { Actor } from '../access/actor.ts';

export interface TicketAccessFacts {
  state: string;
  unit_path: string;
  holder_unit_id: number;
  holder_unit_path: string;
  holder_department_id: number | null;
  department_ids: number[];
  resolved_by: number | null;
  prev_holder_unit_id: number | null;
  holder_level: string;
  pending_extension: boolean;
}

const covers = (grantPath: string, path: string) => path === grantPath || path.startsWith(`${grantPath}.`);

export function actorRoles(actor: Actor, t: TicketAccessFacts): Set<TicketActorRole> {
  const roles = new Set<TicketActorRole>();
  if (actor.system) return new Set(['holder', 'superior', 'dispatcher', 'locality']);
  for (const g of actor.grants) {
    if (g.role === 'departmentHandler') {
      if (g.departmentId !== null && g.departmentId === t.holder_department_id) roles.add('holder');
      continue;
    }
    if (roleHas(g.role, Permission.TicketsHandle)) {
      const atHolder = t.holder_department_id === null && g.unitId === t.holder_unit_id;
      if (atHolder) roles.add('holder');
      else if (covers(g.unitPath, t.holder_unit_path)) roles.add('superior');
      if (covers(g.unitPath, t.unit_path)) roles.add('locality');
    }
    if (roleHas(g.role, Permission.TicketsDispatch) && covers(g.unitPath, t.unit_path)) roles.add('dispatcher');
  }
  return roles;
}

/** Whether the actor may see the ticket at all (out of scope answers 404). */
export function canReadTicket(
  actor: Actor,
  t: Pick<TicketAccessFacts, 'unit_path' | 'holder_unit_path' | 'department_ids'>,
): boolean {
  if (actor.system) return true;
  return actor.grants.some((g) => {
    if (g.role === 'departmentHandler') return g.departmentId !== null && t.department_ids.includes(g.departmentId);
    return roleHas(g.role, Permission.TicketsRead) && (covers(g.unitPath, t.unit_path) || covers(g.unitPath, t.holder_unit_path));
  });
}

/** Extra conditions beyond state and role. */
function passes(op: TicketOperation, actor: Actor, t: TicketAccessFacts): boolean {
  if (op === 'verify') return actor.userId === null || actor.userId !== t.resolved_by;
  if (op === 'return') return t.prev_holder_unit_id !== null;
  // Nothing lies above the county; a department returns what it cannot handle.
  if (op === 'escalate') return t.holder_department_id === null && t.holder_level !== 'county';
  if (op === 'requestExtension') return !t.pending_extension;
  if (op === 'decideExtension') return t.pending_extension;
  return true;
}

export function allowedOperations(actor: Actor, t: TicketAccessFacts): TicketOperation[] {
  const roles = actorRoles(actor, t);
  return TicketOperations.filter((op) => {
    const rule = ticketMachine[op];
    return rule.from.includes(t.state as TicketState) && rule.by.some((r) => roles.has(r)) && passes(op, actor, t);
  });
}

/** Why an operation is refused: the state, or who the actor is. */
export function refusal(actor: Actor, t: TicketAccessFacts, op: TicketOperation): 'state' | 'role' | 'condition' | null {
  if (!ticketMachine[op].from.includes(t.state as TicketState)) return 'state';
  const roles = actorRoles(actor, t);
  if (!ticketMachine[op].by.some((r) => roles.has(r))) return 'role';
  if (!passes(op, actor, t)) return 'condition';
  return null;
}
