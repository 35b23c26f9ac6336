/** Ticket rows → contract shapes. */
import type {
  AttachmentInfo,
  HandlingLevel,
  StageDeadline,
  SupervisionLevel,
  Ticket,
  TicketChannel,
  TicketEvent,
  TicketState,
  TicketSummary,
  UnitKind,
} from '@wangge/contracts';
import type { Selectable } from 'kysely';
import type { TicketEventTable } from '../../db/tables/tickets.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { stageStatuses, ticketLight } from './deadlines.ts';
import type { TicketView } from './tickets.repo.ts';

export function levelOfKind(kind: string): Exclude<HandlingLevel, 'department'> {
  if (kind === 'county' || kind === 'township' || kind === 'village') return kind;
  return 'grid';
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function holderOf(t: TicketView) {
  const department = t.holder_department_id
    ? { id: t.holder_department_id, code: t.department_code!, name: t.department_name!, unitId: t.department_unit_id! }
    : null;
  return {
    level: t.holder_level as HandlingLevel,
    unit: { id: t.holder_unit_id, code: t.holder_code, name: t.holder_name, kind: t.holder_kind as UnitKind },
    department,
    name: department?.name ?? t.holder_name,
  };
}

/** The stages with their live light, computed for `now` (the stored light is the sweep's view). */
export function deadlinesOf(cal: WorkCalendar, t: TicketView, now: Date): StageDeadline[] {
  return stageStatuses(t, now).map((s) => ({
    stage: s.stage,
    dueAt: s.dueAt.toISOString(),
    yellowAt: s.yellowAt.toISOString(),
    originalDueAt: (s.stage === 'resolve' ? new Date(t.resolve_original_due_at) : s.dueAt).toISOString(),
    doneAt: iso(s.doneAt),
    light: s.light,
    workdaysLeft: s.running ? cal.workdaysLeft(now, s.dueAt) : null,
  }));
}

export function toSummary(cal: WorkCalendar, t: TicketView, now: Date): TicketSummary {
  const stages = stageStatuses(t, now);
  const running = stages.filter((s) => s.running).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const next = running.find((s) => s.light === 'red') ?? running[0];
  return {
    id: t.id,
    code: t.code,
    title: t.title,
    category: { id: t.category_id, code: t.category_code, name: t.category_name },
    channel: t.channel as TicketChannel,
    urgency: t.urgency,
    state: t.state as TicketState,
    version: t.version,
    unit: { id: t.unit_id, code: t.unit_code, name: t.unit_name, kind: t.unit_kind as UnitKind },
    holder: holderOf(t),
    light: ticketLight(stages),
    result: t.result,
    dueAt: next ? next.dueAt.toISOString() : null,
    workdaysLeft: next ? cal.workdaysLeft(now, next.dueAt) : null,
    supervisionLevel: t.supervision_level as SupervisionLevel | null,
    possibleDuplicate: t.duplicate_candidates.length > 0 && t.duplicate_of === null,
    location: t.lng !== null && t.lat !== null ? { lng: t.lng, lat: t.lat } : null,
    receivedAt: new Date(t.received_at).toISOString(),
    updatedAt: new Date(t.updated_at).toISOString(),
  };
}

export interface DetailExtras {
  household: Ticket['household'];
  people: Ticket['people'];
  reportedBy: Ticket['reportedBy'];
  possibleDuplicates: Ticket['possibleDuplicates'];
  duplicateOf: Ticket['duplicateOf'];
  pendingExtension: Ticket['pendingExtension'];
  allowedOperations: Ticket['allowedOperations'];
  attachments: Ticket['attachments'];
}

export function toTicket(cal: WorkCalendar, t: TicketView, now: Date, x: DetailExtras): Ticket {
  return {
    ...toSummary(cal, t, now),
    description: t.description,
    address: t.address,
    household: x.household,
    people: x.people,
    reporter: t.reporter_name ? { name: t.reporter_name, phoneMasked: t.reporter_phone_masked } : null,
    reportedBy: x.reportedBy,
    fields: t.fields ?? {},
    handledLevel: t.handled_level as HandlingLevel | null,
    selfResolved: t.self_resolved,
    deadlines: deadlinesOf(cal, t, now),
    calendarWarning: t.calendar_warning,
    evaluation: t.evaluation ? { rating: t.evaluation, comment: t.evaluation_comment } : null,
    counts: { returns: t.return_count, escalations: t.escalation_count, redos: t.redo_count, extensions: t.extension_count },
    possibleDuplicates: x.possibleDuplicates,
    duplicateOf: x.duplicateOf,
    pendingExtension: x.pendingExtension,
    consultation: t.consultation,
    attachmentIds: t.attachment_ids,
    attachments: x.attachments,
    allowedOperations: x.allowedOperations,
    acceptedAt: iso(t.accepted_at),
    resolvedAt: iso(t.resolved_at),
    closedAt: iso(t.closed_at),
  };
}

export function toEvent(e: Selectable<TicketEventTable>, files: Map<number, AttachmentInfo> = new Map()): TicketEvent {
  return {
    seq: e.seq,
    op: e.op as TicketEvent['op'],
    at: new Date(e.at).toISOString(),
    actor: { userId: e.actor_user_id, name: e.actor_name },
    fromState: e.from_state as TicketState | null,
    toState: e.to_state as TicketState,
    fromHolder: e.from_holder,
    toHolder: e.to_holder,
    note: e.note,
    detail: e.detail ?? {},
    attachmentIds: e.attachment_ids,
    attachments: e.attachment_ids.map((id) => files.get(id)).filter((f): f is AttachmentInfo => f !== undefined),
  };
}
