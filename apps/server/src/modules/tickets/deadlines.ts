/**
 * 13710 and 三色亮灯, pure: the stage deadlines of a ticket, the light of each running stage, the
 * supervision levels a red stage has reached, and when the sweep must look at the ticket again.
 * Deadlines are counted by WorkCalendar (民法典 §201–203); every instant comes from the caller's clock.
 */
import type {
  DeadlineRules,
  Light,
  StageRules,
  SupervisionLevel,
  TicketStage,
  TicketState,
  TicketUrgency,
} from '@wangge/contracts';
import { openTicketStates, SUPERVISION_STEP_WORKDAYS } from '@wangge/contracts';
import type { Deadline, WorkCalendar } from '../calendar/work-calendar.ts';

/** Defaults of each deadline class; a category may carry its own. */
export const defaultDeadlines: Record<'ordinary' | 'major', DeadlineRules> = {
  ordinary: {
    normal: { accept: { workdays: 1 }, feedback: { workdays: 3 }, resolve: { workdays: 7 } },
    urgent: { accept: { workdays: 1 }, feedback: { workdays: 1 }, resolve: { workdays: 3 } },
  },
  major: {
    normal: { accept: { workdays: 1 }, feedback: { workdays: 3 }, resolve: { months: 1 } },
    urgent: { accept: { workdays: 1 }, feedback: { workdays: 1 }, resolve: { workdays: 7 } },
  },
};

/** The supervision step of each stage, in working days. */
export type SupervisionStepRules = Record<TicketStage, number>;

/** The steps of a category's rules for one urgency, with the default where the rule has none. */
export function supervisionStepsOf(rules: StageRules): SupervisionStepRules {
  const step = (stage: TicketStage) => rules[stage].supervisionStepWorkdays ?? SUPERVISION_STEP_WORKDAYS;
  return { accept: step('accept'), feedback: step('feedback'), resolve: step('resolve') };
}

const defaultSteps: SupervisionStepRules = {
  accept: SUPERVISION_STEP_WORKDAYS,
  feedback: SUPERVISION_STEP_WORKDAYS,
  resolve: SUPERVISION_STEP_WORKDAYS,
};

export interface StageTimes {
  dueAt: Date;
  yellowAt: Date;
}
export type TicketDeadlines = Record<TicketStage, StageTimes> & { missingYears: number[] };

export function computeDeadlines(cal: WorkCalendar, receivedAt: Date, rules: StageRules): TicketDeadlines {
  const missing = new Set<number>();
  const one = (d: Deadline): StageTimes => {
    d.missingYears.forEach((y) => missing.add(y));
    return { dueAt: d.dueAt, yellowAt: d.yellowAt };
  };
  const accept = one(cal.deadline(receivedAt, rules.accept));
  const feedback = one(cal.deadline(receivedAt, rules.feedback));
  const resolve = one(cal.deadline(receivedAt, rules.resolve));
  return { accept, feedback, resolve, missingYears: [...missing].sort() };
}

/** A new ticket's deadline columns (the original resolve deadline is kept apart from extensions). */
export function deadlineColumns(d: TicketDeadlines) {
  return {
    accept_due_at: d.accept.dueAt,
    accept_yellow_at: d.accept.yellowAt,
    feedback_due_at: d.feedback.dueAt,
    feedback_yellow_at: d.feedback.yellowAt,
    resolve_due_at: d.resolve.dueAt,
    resolve_yellow_at: d.resolve.yellowAt,
    resolve_original_due_at: d.resolve.dueAt,
  };
}

export function rulesFor(rules: DeadlineRules, urgency: TicketUrgency): StageRules {
  return rules[urgency];
}

/**
 * The working days a ticket took from its receipt to its resolution, counted as its deadlines are
 * (民法典 §201): the least N whose N-working-day deadline the resolution met. The day of receipt is
 * not counted (resolved that day: 0); resolved on the Nth working day after it: N; on a rest day:
 * as on the next working day. So "resolved within 7 working days" ⟺ workdaysToClose ≤ 7, whatever
 * the day of receipt (a report on a Sunday resolved on Monday took 1, as one on a Wednesday
 * resolved on Thursday).
 */
export function workdaysToClose(cal: WorkCalendar, receivedAt: Date, resolvedAt: Date): number {
  const from = cal.localDay(receivedAt);
  const to = cal.localDay(resolvedAt);
  if (to <= from) return 0;
  // The working days whose 24:00 lies in (24:00 of `from`, 24:00 of `to`]: those of (from, to].
  const n = cal.workdaysBetween(endOfDay(from), endOfDay(to));
  return cal.isWorkday(to) ? n : n + 1;
}

/** The local day a deadline ending at 24:00 belongs to. */
export const dueDay = (cal: WorkCalendar, dueAt: Date) => cal.localDay(new Date(dueAt.getTime() - 1));

/** 24:00 local of `day`, as an instant. */
export const endOfDay = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000);
/** 00:00 local of `day`. */
export const startOfDay = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`));

/** The part of a ticket row the light depends on. */
export interface LightInput {
  state: TicketState | string;
  accept_due_at: Date;
  accept_yellow_at: Date;
  feedback_due_at: Date;
  feedback_yellow_at: Date;
  resolve_due_at: Date;
  resolve_yellow_at: Date;
  dispatched_at: Date | null;
  feedback_at: Date | null;
  resolved_at: Date | null;
}

export interface StageStatus {
  stage: TicketStage;
  dueAt: Date;
  yellowAt: Date;
  doneAt: Date | null;
  running: boolean;
  light: Light | null;
}

const rank: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

export function stageStatuses(t: LightInput, now: Date): StageStatus[] {
  const open = (openTicketStates as readonly string[]).includes(t.state);
  const done: Record<TicketStage, Date | null> = {
    accept: t.dispatched_at,
    feedback: t.feedback_at ?? t.resolved_at,
    resolve: t.resolved_at,
  };
  return (['accept', 'feedback', 'resolve'] as const).map((stage) => {
    const dueAt = new Date(t[`${stage}_due_at`]);
    const yellowAt = new Date(t[`${stage}_yellow_at`]);
    const doneAt = done[stage];
    const running = open && doneAt === null;
    const at = now.getTime();
    const light: Light | null = !running ? null : at >= dueAt.getTime() ? 'red' : at >= yellowAt.getTime() ? 'yellow' : 'green';
    return { stage, dueAt, yellowAt, doneAt, running, light };
  });
}

/** The ticket's light: the worst light of its running stages (null when none runs). */
export function ticketLight(stages: StageStatus[]): Light | null {
  let worst: Light | null = null;
  for (const s of stages) if (s.light && (worst === null || rank[s.light] > rank[worst])) worst = s.light;
  return worst;
}

/**
 * The supervision levels of a stage red since `dueAt`, each with the instant it is earned: 督办 at
 * the breach, 黄牌 `step` working days after the due day, 红牌 2 × `step` after it (24:00 each).
 */
function supervisionLadder(cal: WorkCalendar, dueAt: Date, step: number): { level: SupervisionLevel; at: Date }[] {
  const day = dueDay(cal, dueAt);
  return [
    { level: 'normal', at: dueAt },
    { level: 'yellowCard', at: endOfDay(cal.addWorkdays(day, step).day) },
    { level: 'redCard', at: endOfDay(cal.addWorkdays(day, 2 * step).day) },
  ];
}

/** The supervision levels a red stage has earned by `now`, with the instant each was earned. */
export function supervisionSteps(
  cal: WorkCalendar,
  dueAt: Date,
  now: Date,
  step = SUPERVISION_STEP_WORKDAYS,
): { level: SupervisionLevel; at: Date }[] {
  return supervisionLadder(cal, dueAt, step).filter((s) => s.at.getTime() <= now.getTime());
}

/**
 * When something about the ticket changes next: a light, or a supervision step (by `steps`, the
 * category's); null when nothing will.
 */
export function nextCheckAt(
  cal: WorkCalendar,
  stages: StageStatus[],
  now: Date,
  steps: SupervisionStepRules = defaultSteps,
): Date | null {
  let next: number | null = null;
  const consider = (d: Date) => {
    if (d.getTime() > now.getTime() && (next === null || d.getTime() < next)) next = d.getTime();
  };
  for (const s of stages) {
    if (!s.running) continue;
    consider(s.yellowAt);
    consider(s.dueAt);
    if (now.getTime() >= s.dueAt.getTime()) for (const step of supervisionLadder(cal, s.dueAt, steps[s.stage])) consider(step.at);
  }
  return next === null ? null : new Date(next);
}

export const supervisionRank: Record<SupervisionLevel, number> = { normal: 0, yellowCard: 1, redCard: 2 };

export function calendarWarning(missingYears: number[]): string | null {
  if (missingYears.length === 0) return null;
  return `No official working calendar for ${missingYears.join(', ')}: deadlines counted Monday–Friday until an administrator loads it`;
}
