/** Tickets: intake, the ticket as read, its timeline, and the bodies of each operation. */
import { Type, type Static } from 'typebox';
import { DateOnly, DateTime, Id, Name, Page, PageQuery, Text } from './common.ts';
import {
  HandlingLevel,
  Light,
  SupervisionLevel,
  TicketChannel,
  TicketOperation,
  TicketStage,
  TicketState,
  TicketUrgency,
} from './ticket-machine.ts';
import { UnitRef } from './units.ts';
import { AttachmentInfo } from './files.ts';

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
export const GeoPoint = Type.Object({ lng: Lng, lat: Lat }, { additionalProperties: false });
export type GeoPoint = Static<typeof GeoPoint>;

export const DepartmentRef = Type.Object({ id: Id, code: Type.String(), name: Type.String(), unitId: Id });
export type DepartmentRef = Static<typeof DepartmentRef>;
export const DepartmentList = Type.Array(DepartmentRef);

export const CategoryRef = Type.Object({ id: Id, code: Type.String(), name: Type.String() });
export const TicketRef = Type.Object({ id: Id, code: Type.String(), title: Type.String(), state: TicketState });
export type TicketRef = Static<typeof TicketRef>;

const AttachmentIds = Type.Array(Id, { maxItems: 20, uniqueItems: true });

export const TicketCreate = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 100, pattern: '\\S' }),
    description: Text(4000),
    categoryId: Id,
    channel: TicketChannel,
    urgency: Type.Optional(TicketUrgency),
    /** A point on the map (placed with locate) or a chosen unit; at least one. */
    location: Type.Optional(GeoPoint),
    unitId: Type.Optional(Id),
    address: Type.Optional(Text(200)),
    householdId: Type.Optional(Id),
    personIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    reporter: Type.Optional(
      Type.Object(
        { name: Name, phone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$|^0\\d{2,3}-?\\d{7,8}$' })) },
        { additionalProperties: false },
      ),
    ),
    /** Values for the category's extra fields, validated against its JSON Schema. */
    fields: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    attachmentIds: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);
export type TicketCreate = Static<typeof TicketCreate>;

export const TicketHolder = Type.Object({
  level: HandlingLevel,
  unit: Nullable(UnitRef),
  department: Nullable(DepartmentRef),
  /** Display label: the unit's or the department's name. */
  name: Type.String(),
});
export type TicketHolder = Static<typeof TicketHolder>;

export const StageDeadline = Type.Object({
  stage: TicketStage,
  dueAt: DateTime,
  yellowAt: DateTime,
  /** The first deadline, before consultation or extensions moved it (kept for statistics). */
  originalDueAt: DateTime,
  doneAt: Nullable(DateTime),
  light: Nullable(Light),
  /** Working days left until the deadline (negative: days late); null once done. */
  workdaysLeft: Nullable(Type.Integer()),
});
export type StageDeadline = Static<typeof StageDeadline>;

export const TicketSummary = Type.Object({
  id: Id,
  code: Type.String(),
  title: Type.String(),
  category: CategoryRef,
  channel: TicketChannel,
  urgency: TicketUrgency,
  state: TicketState,
  version: Type.Integer(),
  unit: UnitRef,
  holder: TicketHolder,
  light: Nullable(Light),
  /** For finished tickets: resolved within the deadline or not. */
  result: Nullable(Type.Enum(['onTime', 'overdue'] as const)),
  dueAt: Nullable(DateTime),
  workdaysLeft: Nullable(Type.Integer()),
  supervisionLevel: Nullable(SupervisionLevel),
  possibleDuplicate: Type.Boolean(),
  location: Nullable(GeoPoint),
  receivedAt: DateTime,
  updatedAt: DateTime,
});
export type TicketSummary = Static<typeof TicketSummary>;

export const Ticket = Type.Intersect([
  TicketSummary,
  Type.Object({
    description: Type.String(),
    address: Nullable(Type.String()),
    household: Nullable(Type.Object({ id: Id, address: Type.String(), headName: Type.String() })),
    people: Type.Array(Type.Object({ id: Id, name: Type.String() })),
    reporter: Nullable(Type.Object({ name: Type.String(), phoneMasked: Nullable(Type.String()) })),
    reportedBy: Nullable(Type.Object({ userId: Id, name: Type.String() })),
    fields: Type.Record(Type.String(), Type.Unknown()),
    handledLevel: Nullable(HandlingLevel),
    selfResolved: Type.Boolean(),
    deadlines: Type.Array(StageDeadline),
    /** Set when a deadline was computed for a year with no official calendar (Monday–Friday assumed). */
    calendarWarning: Nullable(Type.String()),
    evaluation: Nullable(
      Type.Object({ rating: Type.Enum(['satisfied', 'basically', 'unsatisfied'] as const), comment: Nullable(Type.String()) }),
    ),
    counts: Type.Object({
      returns: Type.Integer(),
      escalations: Type.Integer(),
      redos: Type.Integer(),
      extensions: Type.Integer(),
    }),
    possibleDuplicates: Type.Array(TicketRef),
    duplicateOf: Nullable(TicketRef),
    pendingExtension: Nullable(Type.Object({ id: Id, workdays: Type.Integer(), reason: Type.String(), requestedAt: DateTime })),
    consultation: Nullable(
      Type.Object({ participants: Type.Array(Type.String()), decision: Type.String(), committedDate: DateOnly, at: DateTime }),
    ),
    attachmentIds: Type.Array(Id),
    attachments: Type.Array(AttachmentInfo),
    /** What the signed-in user may do to this ticket right now. */
    allowedOperations: Type.Array(TicketOperation),
    acceptedAt: Nullable(DateTime),
    resolvedAt: Nullable(DateTime),
    closedAt: Nullable(DateTime),
  }),
]);
export type Ticket = Static<typeof Ticket>;

export const TicketCreated = Type.Intersect([Ticket, Type.Object({ replayed: Type.Optional(Type.Boolean()) })]);

export const TicketEvent = Type.Object({
  seq: Type.Integer(),
  op: Type.Union([TicketOperation, Type.Literal('report'), Type.Literal('light'), Type.Literal('supervise')]),
  at: DateTime,
  actor: Type.Object({ userId: Nullable(Id), name: Type.String() }),
  fromState: Nullable(TicketState),
  toState: TicketState,
  fromHolder: Nullable(Type.String()),
  toHolder: Nullable(Type.String()),
  note: Nullable(Type.String()),
  detail: Type.Record(Type.String(), Type.Unknown()),
  attachmentIds: Type.Array(Id),
  attachments: Type.Array(AttachmentInfo),
});
export type TicketEvent = Static<typeof TicketEvent>;
export const TicketTimeline = Type.Array(TicketEvent);

export const TicketSort = Type.Enum(['-receivedAt', 'receivedAt', 'dueAt', '-updatedAt'] as const);
export const TicketListQuery = Type.Object(
  {
    within: Type.Optional(Id),
    state: Type.Optional(Type.Union([TicketState, Type.Enum(['open', 'done'] as const)])),
    light: Type.Optional(Light),
    categoryId: Type.Optional(Id),
    channel: Type.Optional(TicketChannel),
    level: Type.Optional(HandlingLevel),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    supervised: Type.Optional(Type.Boolean()),
    /** Finished tickets resolved within (onTime) or after (overdue) their deadline. */
    result: Type.Optional(Type.Enum(['onTime', 'overdue'] as const)),
    /** Resolved on the spot by the grid worker who reported it (自办自结) and not rejected since, or not. */
    selfResolved: Type.Optional(Type.Boolean()),
    /** Evaluated tickets: with this rating, or `any` rating. */
    evaluation: Type.Optional(Type.Enum(['satisfied', 'basically', 'unsatisfied', 'any'] as const)),
    /** Tickets naming this person among the people involved (a person's profile lists them). */
    personId: Type.Optional(Id),
    /** Tickets about this household. */
    householdId: Type.Optional(Id),
    sort: Type.Optional(TicketSort),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type TicketListQuery = Static<typeof TicketListQuery>;
export const TicketPage = Page(TicketSummary);

/** The list's filters, for an export of the list behind a figure (at most 50,000 rows). */
export const TicketExportQuery = Type.Intersect([
  Type.Omit(TicketListQuery, ['limit', 'offset', 'sort']),
  Type.Object({ format: Type.Optional(Type.Enum(['xlsx', 'csv'] as const)) }),
]);

export const DuplicateQuery = Type.Object(
  { categoryId: Id, lng: Type.Optional(Lng), lat: Type.Optional(Lat), householdId: Type.Optional(Id) },
  { additionalProperties: false },
);
export const DuplicateList = Type.Array(Type.Intersect([TicketRef, Type.Object({ distanceM: Nullable(Type.Number()) })]));

// ---- Operation bodies: every command carries the version the user saw. ----
const base = {
  version: Type.Integer({ minimum: 1 }),
  note: Type.Optional(Text(2000)),
  attachmentIds: Type.Optional(AttachmentIds),
};
const body = <P extends Record<string, Parameters<typeof Type.Object>[0][string]>>(props: P) =>
  Type.Object({ ...base, ...props }, { additionalProperties: false });
const Target = { toUnitId: Type.Optional(Id), toDepartmentId: Type.Optional(Id) };

export const OperationBodies = {
  accept: body({}),
  reject: body({ reason: Type.Enum(['invalid', 'duplicate'] as const), duplicateOfId: Type.Optional(Id) }),
  assign: body(Target),
  selfResolve: body({}),
  start: body({}),
  feedback: body({}),
  transfer: body(Target),
  return: body({}),
  /** One level up by default; toUnitId skips levels where the category or urgency allows it. */
  escalate: body({ toUnitId: Type.Optional(Id) }),
  consult: body({
    participants: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 30 }),
    decision: Text(2000),
    committedDate: DateOnly,
  }),
  requestExtension: body({
    workdays: Type.Integer({ minimum: 1, maximum: 60 }),
    reason: Type.String({ minLength: 2, maxLength: 500 }),
  }),
  decideExtension: body({ approve: Type.Boolean() }),
  resolve: body({}),
  verify: body({ passed: Type.Boolean() }),
  close: body({}),
  evaluate: body({ rating: Type.Enum(['satisfied', 'basically', 'unsatisfied'] as const), comment: Type.Optional(Text(500)) }),
  reopen: body({}),
} satisfies Record<TicketOperation, unknown>;
export type OperationBody<O extends TicketOperation> = Static<(typeof OperationBodies)[O]>;
export type AnyOperationBody = { [O in TicketOperation]: OperationBody<O> }[TicketOperation];
