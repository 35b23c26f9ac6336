/**
 * Demo tickets: a plausible history of reports over the last months or years, deterministic from a
 * seed. Old tickets are mostly closed and evaluated, recent ones spread over the loop's states;
 * most are handled at the grid (自办自结 included), fewer at the village, township, county or a
 * department, and about one in ten runs late. Deadlines and lights come from the real working
 * calendar, so the inbox, statistics and the command center show a living county. Loaded with COPY:
 * a million tickets for the benchmark take minutes, not hours.
 */
import type { PolygonGeometry } from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import { copyRows } from '../../db/copy.ts';
import { rebuildTicketStatSql } from '../../db/migrations/0019_ticket_stat_valid_tickets.ts';
import { ticketStatTriggers } from '../../db/migrations/0012_ticket_stat_statement.ts';
import type { Clock } from '../../lib/clock.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { computeDeadlines, deadlineColumns, rulesFor, workdaysToClose } from '../tickets/deadlines.ts';
import { lightColumns } from '../tickets/lights.ts';
import { levelOfKind } from '../tickets/tickets.mapper.ts';
import type { CategoriesService } from '../tickets/categories.service.ts';
import { pointInside } from './polygons.ts';
import { Random } from './random.ts';

export interface DemoTicketOptions {
  count: number;
  /** How far back reports go, in days. */
  days: number;
  seed: number;
  /** Write a timeline (report + the steps taken); off for the million-ticket benchmark. */
  timeline?: boolean;
}

const channels = [
  'gridWorker',
  'gridWorker',
  'gridWorker',
  'gridWorker',
  'resident',
  'hotline12345',
  'hotline12345',
  'videoPatrol',
  'department',
  'walkIn',
  'meeting',
];
/** Reports made where the problem is (a point in the grid); the hotline, walk-ins and meetings give none. */
const ON_THE_SPOT = new Set(['gridWorker', 'resident', 'videoPatrol']);
/** Categories with no place of their own (a question, an errand): never a point. */
const DESK_CATEGORIES = new Set(['policy', 'proxy', 'opinion', 'legal', 'baseData', 'psych']);

const titles: Record<string, string[]> = {
  'dispute.land': ['宅基地边界争议', '承包地界址纠纷', '山林权属争议'],
  'dispute.neighbour': ['邻里因排水沟发生纠纷', '楼道堆物引发邻里矛盾', '噪音扰邻'],
  'dispute.family': ['赡养老人纠纷', '夫妻矛盾需调解'],
  'dispute.labour': ['工地拖欠农民工工资', '务工人员工伤待遇争议'],
  'hazard.fire': ['仓库堆放易燃物', '电动车楼道充电', '老旧线路私拉乱接'],
  'hazard.flood': ['堤段出现渗水', '山塘坝体裂缝', '排涝沟渠淤塞'],
  'hazard.traffic': ['村道急弯缺少警示标志', '桥梁护栏损坏'],
  'infra.road': ['村道路面坍塌', '路灯不亮', '桥面坑洼'],
  'infra.water': ['自来水停水', '供水管道破裂', '水压不足'],
  environment: ['垃圾未及时清运', '河道漂浮物', '焚烧秸秆'],
  security: ['夜间可疑人员出没', '电信诈骗线索', '打架斗殴'],
  opinion: ['群众反映公交班次少', '希望增设健身器材'],
  policy: ['咨询医保缴费政策', '咨询养老保险认证', '咨询低保申请条件'],
  proxy: ['代办残疾人证', '代办高龄补贴', '代办医保报销'],
  baseData: ['新增流动人口登记', '出租房屋信息变更'],
  psych: ['独居老人情绪低落', '留守儿童心理疏导'],
  legal: ['开展防诈骗宣传', '法律咨询进村'],
};

const DAY = 86_400_000;

export async function seedDemoTickets(
  db: Db,
  clock: Clock,
  cal: WorkCalendar,
  categories: CategoriesService,
  opts: DemoTicketOptions,
) {
  const r = new Random(opts.seed);
  // Points come from their own sequence, so the rest of the history is the same with or without them.
  const spots = new Random(opts.seed + 1);
  const now = clock.now();
  const cats = (await categories.list()).filter((c) => c.parentId !== null || !['dispute', 'hazard', 'infra'].includes(c.code));
  const units = await db.db
    .selectFrom('unit')
    .select(['id', 'kind', 'path', 'name', 'parent_id', 'geometry'])
    .where('status', '=', 'active')
    .execute();
  const byId = new Map(units.map((u) => [u.id, u]));
  const grids = units.filter((u) => u.kind === 'grid');
  if (grids.length === 0) return { tickets: 0 };
  const departments = await db.db
    .selectFrom('department')
    .select(['id', 'unit_id', 'name'])
    .where('kind', '=', 'bureau')
    .execute();
  const first =
    (
      await db.db
        .selectFrom('ticket')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirst()
    )?.m ?? 0;
  let nextId = Number(first);
  const ancestor = (grid: (typeof units)[number], kind: string) => {
    let u: (typeof units)[number] | undefined = grid;
    while (u && u.kind !== kind) u = u.parent_id ? byId.get(u.parent_id) : undefined;
    return u ?? grid;
  };
  const rows: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  // The summary trigger is off during the bulk load; the summary is rebuilt once at the end.
  await db.raw.exec(`alter table ticket ${ticketStatTriggers.map((t) => `disable trigger ${t}`).join(', ')}`);
  try {
    for (let i = 0; i < opts.count; i++) {
      // Newer tickets are denser: a quadratic skew towards today.
      const ageDays = opts.days * (1 - Math.sqrt(1 - r.next()));
      const received = new Date(now.getTime() - ageDays * DAY - r.int(0, 36_000) * 1000);
      const grid = r.pick(grids);
      const cat = r.pick(cats);
      const urgency = r.next() < 0.08 ? 'urgent' : 'normal';
      const d = computeDeadlines(cal, received, rulesFor(cat.deadlines, urgency));
      const roll = r.next();
      const level =
        roll < 0.62 ? 'grid' : roll < 0.8 ? 'village' : roll < 0.9 ? 'township' : roll < 0.95 ? 'county' : 'department';
      const holderUnit = level === 'grid' ? grid : level === 'department' ? ancestor(grid, 'county') : ancestor(grid, level);
      const dep = level === 'department' && departments.length ? r.pick(departments) : null;
      const late = r.next() < 0.1;
      const span = Math.max(0, d.resolve.dueAt.getTime() - received.getTime());
      const resolveAt = new Date(received.getTime() + (late ? span * (1 + r.next()) : span * r.next() * 0.9) + 3600_000);
      const selfResolved = level === 'grid' && r.next() < 0.45;
      const doneBy = selfResolved ? new Date(received.getTime() + r.int(600, 7200) * 1000) : resolveAt;
      let state: string;
      if (doneBy.getTime() > now.getTime()) state = r.pick(['reported', 'accepted', 'assigned', 'inProgress', 'inProgress']);
      else if (selfResolved) state = r.next() < 0.7 ? 'evaluated' : 'closed';
      else if (now.getTime() - doneBy.getTime() < 2 * DAY) state = r.pick(['resolved', 'verified']);
      else state = r.next() < 0.03 ? 'rejected' : r.next() < 0.8 ? 'evaluated' : 'closed';
      const done = ['closed', 'evaluated'].includes(state);
      const resolved = done || ['resolved', 'verified'].includes(state);
      const started = state !== 'reported';
      const dispatched = started
        ? new Date(Math.min(received.getTime() + r.int(600, 3 * 86_400) * 1000, doneBy.getTime(), now.getTime()))
        : null;
      const rating =
        state === 'evaluated' ? (r.next() < 0.86 ? 'satisfied' : r.next() < 0.7 ? 'basically' : 'unsatisfied') : null;
      const id = ++nextId;
      const row = {
        id,
        code: `SJ${cal.localDay(received).replaceAll('-', '')}${String(id).padStart(7, '0')}`,
        title: r.pick(titles[cat.code] ?? [cat.name]),
        description: `${grid.name}：${cat.name}`,
        category_id: cat.id,
        channel: r.pick(channels),
        urgency,
        state,
        version: 1,
        unit_id: grid.id,
        unit_path: grid.path,
        lng: null as number | null,
        lat: null as number | null,
        address: null,
        household_id: null,
        person_ids: [],
        reporter_name: null,
        reporter_phone_enc: null,
        reporter_phone_masked: null,
        reported_by: null,
        holder_level: dep ? 'department' : levelOfKind(holderUnit.kind),
        holder_unit_id: holderUnit.id,
        holder_unit_path: holderUnit.path,
        holder_department_id: dep?.id ?? null,
        prev_holder_unit_id: null,
        prev_holder_department_id: null,
        department_ids: dep ? [dep.id] : [],
        handled_level: resolved ? (dep ? 'department' : levelOfKind(holderUnit.kind)) : null,
        self_resolved: selfResolved && resolved,
        fields: '{}',
        attachment_ids: [],
        received_at: received,
        accepted_at: dispatched,
        dispatched_at: dispatched,
        feedback_at: started && (resolved || r.next() < 0.6) ? dispatched : null,
        resolved_at: resolved ? doneBy : null,
        resolved_by: null,
        verified_at: resolved && state !== 'resolved' ? doneBy : null,
        closed_at: done ? doneBy : null,
        ...deadlineColumns(d),
        light: null as string | null,
        light_at: null as Date | null,
        next_check_at: null as Date | null,
        supervision_level: null,
        result: done ? (doneBy.getTime() <= d.resolve.dueAt.getTime() ? 'onTime' : 'overdue') : null,
        workdays_to_close: done ? workdaysToClose(cal, received, doneBy) : null,
        calendar_warning: null,
        evaluation: rating,
        evaluation_comment: null,
        evaluated_at: rating ? doneBy : null,
        return_count: r.next() < 0.04 ? 1 : 0,
        escalation_count: level === 'grid' || dep ? 0 : 1,
        redo_count: rating === 'unsatisfied' ? 1 : 0,
        extension_count: 0,
        duplicate_candidates: [],
        duplicate_of: null,
        consultation: null,
        updated_at: doneBy.getTime() > now.getTime() ? now : doneBy,
      };
      if (ON_THE_SPOT.has(row.channel) && !DESK_CATEGORIES.has(cat.code) && grid.geometry) {
        [row.lng, row.lat] = pointInside(spots, grid.geometry as PolygonGeometry);
      }
      const l = lightColumns(cal, { ...row, light: null } as never, now);
      row.light = l.set.light;
      row.light_at = l.set.light ? now : null;
      // Tickets already red wait for the sweep to issue their notices: check now.
      row.next_check_at = l.set.light === 'red' ? now : l.set.next_check_at;
      rows.push(row);
      if (opts.timeline) {
        const ev = (seq: number, op: string, at: Date, from: string | null, to: string) =>
          events.push({
            ticket_id: id,
            seq,
            op,
            at,
            actor_user_id: null,
            actor_name: 'demo',
            from_state: from,
            to_state: to,
            detail: '{}',
          });
        ev(1, 'report', received, null, 'reported');
        if (started && dispatched)
          ev(2, selfResolved ? 'selfResolve' : 'start', dispatched, 'reported', selfResolved ? 'closed' : 'inProgress');
        if (resolved && !selfResolved) ev(3, 'resolve', doneBy, 'inProgress', 'resolved');
        if (done && !selfResolved) ev(4, 'close', doneBy, 'verified', 'closed');
      }
      if (rows.length >= 20_000) {
        await flush(db, rows, events);
      }
    }
    await flush(db, rows, events);
  } finally {
    await db.raw.exec(`alter table ticket ${ticketStatTriggers.map((t) => `enable trigger ${t}`).join(', ')}`);
  }
  await db.raw.exec(`select setval('ticket_id_seq', greatest((select max(id) from ticket), 1))`);
  await db.raw.exec(rebuildTicketStatSql());
  return { tickets: opts.count };
}

async function flush(db: Db, rows: Record<string, unknown>[], events: Record<string, unknown>[]) {
  await copyRows(db, 'ticket', rows.splice(0));
  await copyRows(db, 'ticket_event', events.splice(0));
}

/** A year of reports for the demo county at `scale` (the full county: ~330,000 a year, a million over three). */
export const demoTicketCount = (scale: number) => Math.max(50, Math.round(scale * 330_000));
