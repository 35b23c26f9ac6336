/** Ticket categories, the inbox, supervision notices and the circular, statistics. */
import { Type, type Static } from 'typebox';
import { DateOnly, DateTime, Id, Name, Page, PageQuery } from './common.ts';
import {
  HandlingLevel,
  HandlingLevels,
  Light,
  SupervisionLevel,
  TicketChannel,
  TicketStage,
  TicketUrgency,
} from './ticket-machine.ts';
import { DepartmentRef, Nullable, TicketRef, TicketSummary } from './tickets.ts';
import { UnitRef } from './units.ts';

// ---- Categories ----
/**
 * Working days a stage may stay red before its supervision is raised one level (普通 → 黄牌 → 红牌),
 * unless its category's rule says otherwise (`supervisionStepWorkdays`).
 */
export const SUPERVISION_STEP_WORKDAYS = 5;

export const DeadlineRule = Type.Object(
  {
    workdays: Type.Optional(Type.Integer({ minimum: 1, maximum: 250 })),
    months: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    /** Yellow from 00:00 of the Nth working day before the due day (0: the due day itself). */
    yellowWorkdaysBefore: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })),
    /**
     * Working days a red stage stays red before its supervision is raised one level (督办 → 黄牌 after
     * N, → 红牌 after 2N); SUPERVISION_STEP_WORKDAYS when absent.
     */
    supervisionStepWorkdays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
  },
  { additionalProperties: false },
);
export type DeadlineRule = Static<typeof DeadlineRule>;
export const StageRules = Type.Object(
  { accept: DeadlineRule, feedback: DeadlineRule, resolve: DeadlineRule },
  { additionalProperties: false },
);
export type StageRules = Static<typeof StageRules>;
export const DeadlineRules = Type.Object({ normal: StageRules, urgent: StageRules }, { additionalProperties: false });
export type DeadlineRules = Static<typeof DeadlineRules>;

export const DeadlineClass = Type.Enum(['ordinary', 'major'] as const);
export type DeadlineClass = Static<typeof DeadlineClass>;

export const Category = Type.Object({
  id: Id,
  parentId: Nullable(Id),
  code: Type.String(),
  name: Type.String(),
  defaultLevel: HandlingLevel,
  defaultDepartment: Nullable(DepartmentRef),
  deadlineClass: DeadlineClass,
  /** Effective rules (the category's own, or the defaults of its deadline class). */
  deadlines: DeadlineRules,
  customDeadlines: Type.Boolean(),
  /** JSON Schema of the category's extra fields (rendered as a form, validated on submit). */
  fieldsSchema: Nullable(Type.Record(Type.String(), Type.Unknown())),
  duplicateRadiusM: Type.Integer(),
  duplicateWindowDays: Type.Integer(),
  allowSkipLevels: Type.Boolean(),
  status: Type.Enum(['active', 'retired'] as const),
});
export type Category = Static<typeof Category>;
export const CategoryList = Type.Array(Category);

export const CategoryInput = Type.Object(
  {
    parentId: Type.Optional(Nullable(Id)),
    code: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$' }),
    name: Name,
    defaultLevel: Type.Optional(HandlingLevel),
    defaultDepartmentId: Type.Optional(Nullable(Id)),
    deadlineClass: Type.Optional(DeadlineClass),
    deadlines: Type.Optional(Nullable(DeadlineRules)),
    fieldsSchema: Type.Optional(Nullable(Type.Record(Type.String(), Type.Unknown()))),
    duplicateRadiusM: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    duplicateWindowDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    allowSkipLevels: Type.Optional(Type.Boolean()),
    status: Type.Optional(Type.Enum(['active', 'retired'] as const)),
  },
  { additionalProperties: false },
);
export type CategoryInput = Static<typeof CategoryInput>;

// ---- Inbox ----
export const InboxBoxes = ['toAccept', 'toHandle', 'toVerify', 'toEvaluate', 'supervised'] as const;
export type InboxBox = (typeof InboxBoxes)[number];
export const InboxBox = Type.Enum(InboxBoxes);
export const InboxQuery = Type.Object({ box: InboxBox, ...PageQuery }, { additionalProperties: false });
export const InboxCounts = Type.Object({
  toAccept: Type.Integer(),
  toHandle: Type.Integer(),
  toVerify: Type.Integer(),
  toEvaluate: Type.Integer(),
  supervised: Type.Integer(),
  red: Type.Integer(),
  yellow: Type.Integer(),
});
export type InboxCounts = Static<typeof InboxCounts>;
export const InboxPage = Page(TicketSummary);

// ---- Supervision ----
export const SupervisionNotice = Type.Object({
  id: Id,
  /** 督办〔2026〕第 12 号 */
  number: Type.String(),
  year: Type.Integer(),
  seq: Type.Integer(),
  ticket: TicketRef,
  stage: TicketStage,
  level: SupervisionLevel,
  addressedTo: Type.String(),
  unit: UnitRef,
  dueAt: DateTime,
  issuedAt: DateTime,
  workdaysLate: Type.Integer(),
});
export type SupervisionNotice = Static<typeof SupervisionNotice>;
export const NoticeQuery = Type.Object(
  {
    within: Type.Optional(Id),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    level: Type.Optional(SupervisionLevel),
    ticketId: Type.Optional(Id),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const NoticePage = Page(SupervisionNotice);

/** The circular (通报): per unit, the tickets that went red in a period and their notices. */
export const CircularQuery = Type.Object(
  { within: Type.Optional(Id), from: DateOnly, to: DateOnly },
  { additionalProperties: false },
);
export const CircularRow = Type.Object({
  unit: UnitRef,
  notices: Type.Integer(),
  yellowCards: Type.Integer(),
  redCards: Type.Integer(),
  stillRed: Type.Integer(),
  tickets: Type.Array(TicketRef),
});
export const Circular = Type.Object({ from: DateOnly, to: DateOnly, rows: Type.Array(CircularRow) });

export const SweepResult = Type.Object({ checked: Type.Integer(), lightChanges: Type.Integer(), notices: Type.Integer() });

// ---- Statistics ----
export const StatisticsQuery = Type.Object(
  {
    unitId: Type.Optional(Id),
    from: DateOnly,
    to: DateOnly,
    by: Type.Optional(Type.Enum(['category', 'channel', 'unit'] as const)),
    categoryId: Type.Optional(Id),
    channel: Type.Optional(TicketChannel),
    urgency: Type.Optional(TicketUrgency),
  },
  { additionalProperties: false },
);
export type StatisticsQuery = Static<typeof StatisticsQuery>;
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
export const StatFigures = Type.Object({
  received: Type.Integer(),
  rejected: Type.Integer(),
  /** Tickets due in the period: done, or past their resolution deadline. */
  due: Type.Integer(),
  closed: Type.Integer(),
  closedOnTime: Type.Integer(),
  overdueNow: Type.Integer(),
  openNow: Type.Integer(),
  completionRate: Rate,
  onTimeRate: Rate,
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  selfResolvedShare: Rate,
  redoRate: Rate,
  returnRate: Rate,
  avgWorkdaysToClose: Nullable(Type.Number()),
  levels: Type.Object(
    Object.fromEntries(HandlingLevels.map((l) => [l, Type.Integer()])) as Record<HandlingLevel, ReturnType<typeof Type.Integer>>,
  ),
});
export type StatFigures = Static<typeof StatFigures>;
export const Statistics = Type.Object({
  unit: UnitRef,
  from: DateOnly,
  to: DateOnly,
  totals: StatFigures,
  /** id: the unit's or category's id (null when grouped by channel). */
  rows: Type.Array(Type.Intersect([Type.Object({ id: Nullable(Id), key: Type.String(), name: Type.String() }), StatFigures])),
});
export type Statistics = Static<typeof Statistics>;

export const TicketNotification = Type.Object({
  kind: Type.Enum(['assigned', 'light', 'supervision', 'state'] as const),
  ticket: TicketRef,
  light: Nullable(Light),
  /** Addressed to the viewer's own unit or department. */
  forYou: Type.Boolean(),
  at: DateTime,
});
export type TicketNotification = Static<typeof TicketNotification>;
