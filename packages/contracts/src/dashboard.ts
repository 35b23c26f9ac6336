/** The command center (指挥中心): one unit's live overview. */
import { Type, type Static } from 'typebox';
import { DateOnly, DateTime, Id } from './common.ts';
import { HandlingLevels, Light, SupervisionLevel, TicketState } from './ticket-machine.ts';
import { Nullable, TicketRef } from './tickets.ts';
import { UnitRef } from './units.ts';

export const DashboardQuery = Type.Object(
  {
    unitId: Type.Optional(Id),
    /** The month the period figures are for (default: the current month, China time). */
    month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })),
  },
  { additionalProperties: false },
);
export type DashboardQuery = Static<typeof DashboardQuery>;

const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
/** A figure with the same figure for the previous period, for the change. */
const Pair = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Object({ value: t, previous: t });

export const DashboardFigures = Type.Object({
  receivedToday: Pair(Type.Integer()),
  receivedMonth: Pair(Type.Integer()),
  open: Type.Integer(),
  red: Type.Integer(),
  yellow: Type.Integer(),
  completionRate: Pair(Rate),
  onTimeRate: Pair(Rate),
  satisfactionRate: Pair(Rate),
  selfResolvedShare: Pair(Rate),
  people: Type.Integer(),
  households: Type.Integer(),
  grids: Type.Integer(),
  /** Staff holding an active assignment (never online time). */
  staffOnDuty: Type.Integer(),
  /**
   * The stock figures (open, red, yellow, people, households, grids, staff on duty) as recorded at
   * the end of the previous period's last day (the same day last month), for their change; null
   * when that day was not recorded (the daily record began later, or the server was down).
   */
  recorded: Nullable(
    Type.Object({
      day: DateOnly,
      open: Type.Integer(),
      red: Type.Integer(),
      yellow: Type.Integer(),
      people: Type.Integer(),
      households: Type.Integer(),
      grids: Type.Integer(),
      staffOnDuty: Type.Integer(),
    }),
  ),
});
export type DashboardFigures = Static<typeof DashboardFigures>;

export const DashboardChild = Type.Object({
  unit: UnitRef,
  hasGeometry: Type.Boolean(),
  open: Type.Integer(),
  red: Type.Integer(),
  receivedMonth: Type.Integer(),
  people: Type.Integer(),
  /** Tickets received this month per 1,000 people. */
  per1000: Nullable(Type.Number()),
  onTimeRate: Rate,
  satisfactionRate: Rate,
});
export type DashboardChild = Static<typeof DashboardChild>;

export const DashboardRedItem = Type.Object({
  ticket: TicketRef,
  holder: Type.String(),
  unit: Type.String(),
  dueAt: DateTime,
  workdaysLate: Type.Integer(),
  supervisionLevel: Nullable(SupervisionLevel),
});

export const DashboardPoint = Type.Object({
  id: Id,
  lng: Type.Number(),
  lat: Type.Number(),
  light: Nullable(Light),
  state: TicketState,
});

export const Dashboard = Type.Object({
  unit: UnitRef,
  asOf: DateTime,
  month: Type.String(),
  from: DateOnly,
  to: DateOnly,
  figures: DashboardFigures,
  children: Type.Array(DashboardChild),
  /** Received and closed per day, the last 30 days. */
  days: Type.Array(Type.Object({ day: DateOnly, received: Type.Integer(), closed: Type.Integer() })),
  /** Received per category this month. */
  categories: Type.Array(Type.Object({ id: Id, code: Type.String(), name: Type.String(), received: Type.Integer() })),
  /** On-time rate per month, the last 12 months. */
  months: Type.Array(Type.Object({ month: Type.String(), due: Type.Integer(), onTimeRate: Rate })),
  /** Closed tickets of the year by the level that handled them. */
  levels: Type.Object(
    Object.fromEntries(HandlingLevels.map((l) => [l, Type.Integer()])) as Record<
      (typeof HandlingLevels)[number],
      ReturnType<typeof Type.Integer>
    >,
  ),
  redList: Type.Array(DashboardRedItem),
  notices: Type.Array(
    Type.Object({
      id: Id,
      number: Type.String(),
      ticket: TicketRef,
      level: SupervisionLevel,
      addressedTo: Type.String(),
      issuedAt: DateTime,
    }),
  ),
  /** The newest reports (live feed). */
  latest: Type.Array(
    Type.Object({
      ticket: TicketRef,
      unit: Type.String(),
      category: Type.String(),
      receivedAt: DateTime,
      light: Nullable(Light),
    }),
  ),
  /** Open tickets with a location, for a village or grid (null higher up). */
  points: Nullable(Type.Array(DashboardPoint)),
});
export type Dashboard = Static<typeof Dashboard>;
