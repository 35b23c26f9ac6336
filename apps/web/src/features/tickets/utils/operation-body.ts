/**
 * From an operation modal's values to the body the server expects (contracts OperationBodies):
 * always the version the user saw, the note and attachments when given, and the operation's own
 * fields. Also which operations need a note (the server refuses them without one).
 */
import type { AnyOperationBody, TicketOperation } from '@wangge/contracts';
import type { Dayjs } from 'dayjs';

export interface OperationValues {
  note?: string;
  reason?: 'invalid' | 'duplicate';
  duplicateOfId?: number;
  targetKind?: 'unit' | 'department';
  toUnitId?: number;
  toDepartmentId?: number;
  participants?: string[];
  decision?: string;
  committedDate?: Dayjs;
  workdays?: number;
  extensionReason?: string;
  approve?: boolean;
  passed?: boolean;
  rating?: 'satisfied' | 'basically' | 'unsatisfied';
  comment?: string;
}

/** Reject as invalid, return, transfer, feedback, a failed verification and reopening say why. */
export function noteRequired(op: TicketOperation, values: Pick<OperationValues, 'reason' | 'passed'>): boolean {
  if (op === 'reject') return values.reason !== 'duplicate';
  if (op === 'verify') return values.passed === false;
  return op === 'return' || op === 'transfer' || op === 'feedback' || op === 'reopen';
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function operationBody(
  op: TicketOperation,
  v: OperationValues,
  version: number,
  attachmentIds: number[] = [],
): AnyOperationBody {
  const base = defined({
    version,
    note: v.note?.trim() || undefined,
    attachmentIds: attachmentIds.length > 0 ? attachmentIds : undefined,
  });
  const target = () => (v.targetKind === 'department' ? { toDepartmentId: v.toDepartmentId } : { toUnitId: v.toUnitId });
  switch (op) {
    case 'reject':
      return defined({
        ...base,
        reason: v.reason ?? 'invalid',
        duplicateOfId: v.reason === 'duplicate' ? v.duplicateOfId : undefined,
      });
    case 'assign':
    case 'transfer':
      return defined({ ...base, ...target() });
    case 'escalate':
      return defined({ ...base, toUnitId: v.toUnitId });
    case 'consult':
      return {
        ...base,
        participants: (v.participants ?? []).map((p) => p.trim()).filter(Boolean),
        decision: v.decision?.trim() ?? '',
        committedDate: v.committedDate?.format('YYYY-MM-DD') ?? '',
      };
    case 'requestExtension':
      return { ...base, workdays: v.workdays ?? 1, reason: v.extensionReason?.trim() ?? '' };
    case 'decideExtension':
      return { ...base, approve: v.approve ?? false };
    case 'verify':
      return { ...base, passed: v.passed ?? true };
    case 'evaluate':
      return defined({ ...base, rating: v.rating ?? 'satisfied', comment: v.comment?.trim() || undefined });
    default:
      return base;
  }
}
