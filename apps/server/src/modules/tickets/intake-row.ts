/**
 * The row of a new ticket, from what intake has checked: its place, holder, deadlines, extra
 * fields and the possible duplicates found (tickets.service.ts writes it with the reports that arrive
 * at the same time, intake.repo.ts).
 */
import type { Category, TicketCreate } from '@wangge/contracts';
import { maskPhone, type FieldCrypto } from '../../lib/field-crypto.ts';
import type { Actor } from '../access/actor.ts';
import { calendarWarning, deadlineColumns, type TicketDeadlines } from './deadlines.ts';
import type { Holder } from './holders.ts';

export interface NewTicket {
  input: TicketCreate;
  category: Category;
  unit: { id: number; path: string };
  holder: Holder;
  household: { id: number; address: string | null } | null;
  personIds: number[];
  fields: Record<string, unknown>;
  d: TicketDeadlines;
  dups: { id: number }[];
  actor: Actor;
  crypto: FieldCrypto;
  now: Date;
}

export function newTicketRow({
  input,
  category,
  unit,
  holder,
  household,
  personIds,
  fields,
  d,
  dups,
  actor,
  crypto,
  now,
}: NewTicket) {
  return {
    title: input.title.trim(),
    description: input.description,
    category_id: category.id,
    channel: input.channel,
    urgency: input.urgency ?? 'normal',
    state: 'reported',
    version: 1,
    unit_id: unit.id,
    unit_path: unit.path,
    lng: input.location?.lng ?? null,
    lat: input.location?.lat ?? null,
    address: input.address ?? household?.address ?? null,
    household_id: household?.id ?? null,
    person_ids: personIds,
    reporter_name: input.reporter?.name ?? null,
    reporter_phone_enc: input.reporter?.phone ? crypto.encrypt(input.reporter.phone) : null,
    reporter_phone_masked: input.reporter?.phone ? maskPhone(input.reporter.phone) : null,
    reported_by: actor.userId,
    holder_level: holder.level,
    holder_unit_id: holder.unitId,
    holder_unit_path: holder.unitPath,
    holder_department_id: null,
    prev_holder_unit_id: null,
    prev_holder_department_id: null,
    department_ids: [],
    handled_level: null,
    self_resolved: false,
    fields: JSON.stringify(fields),
    attachment_ids: input.attachmentIds ?? [],
    received_at: now,
    accepted_at: null,
    dispatched_at: null,
    feedback_at: null,
    resolved_at: null,
    resolved_by: null,
    verified_at: null,
    closed_at: null,
    ...deadlineColumns(d),
    light: null,
    light_at: null,
    next_check_at: null,
    supervision_level: null,
    result: null,
    workdays_to_close: null,
    calendar_warning: calendarWarning(d.missingYears),
    evaluation: null,
    evaluation_comment: null,
    evaluated_at: null,
    return_count: 0,
    escalation_count: 0,
    redo_count: 0,
    extension_count: 0,
    duplicate_candidates: dups.map((x) => x.id),
    duplicate_of: null,
    consultation: null as never,
    updated_at: now,
  };
}
