/**
 * The list behind any figure as .xlsx or CSV: the tickets list's filters and scope, Chinese column
 * headers and values, capped per request, audited, streamed in pages. No personal data: the
 * reporter's name and phone are not exported.
 */
import type { Readable } from 'node:stream';
import type { TicketListQuery } from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { tabularStream } from '../../lib/tabular-export.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { TicketSearchService } from './ticket-search.service.ts';
import { toSummary } from './tickets.mapper.ts';
import { ticketsRepo, type TicketView } from './tickets.repo.ts';

export const TICKET_EXPORT_CAP = 50_000;
const PAGE = 2000;

export const ticketWords = {
  state: {
    reported: '待受理',
    accepted: '已受理',
    assigned: '已交办',
    inProgress: '办理中',
    resolved: '已办结',
    verified: '已核查',
    closed: '已结案',
    evaluated: '已评价',
    rejected: '不予受理',
  } as Record<string, string>,
  channel: {
    gridWorker: '网格员上报',
    resident: '群众自报',
    hotline12345: '12345热线',
    videoPatrol: '视频巡查',
    department: '部门流转',
    walkIn: '窗口来访',
    meeting: '会议交办',
  } as Record<string, string>,
  level: { grid: '网格', village: '村（社区）', township: '乡镇（街道）', county: '县级', department: '职能部门' } as Record<
    string,
    string
  >,
  light: { green: '绿灯', yellow: '黄灯', red: '红灯' } as Record<string, string>,
  result: { onTime: '按期办结', overdue: '超期办结' } as Record<string, string>,
  supervision: { normal: '督办', yellowCard: '黄牌督办', redCard: '红牌督办' } as Record<string, string>,
};

const header = [
  '编号',
  '标题',
  '事件类别',
  '来源渠道',
  '紧急程度',
  '状态',
  '亮灯',
  '所在单元',
  '当前承办',
  '承办层级',
  '受理时间',
  '办理时限',
  '办理结果',
  '督办',
];
const china = (d: string | null) =>
  d ? new Date(Date.parse(d) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

export class TicketExport {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly search: TicketSearchService,
    private readonly audit: AuditService,
    private readonly cap = TICKET_EXPORT_CAP,
  ) {}

  private async *rows(actor: Actor, q: Omit<TicketListQuery, 'limit' | 'offset' | 'sort'>): AsyncGenerator<string[]> {
    const base = await this.search.filtered(actor, q);
    const cal = await this.calendar.current();
    const now = this.clock.now();
    for (let offset = 0; offset < this.cap; offset += PAGE) {
      const ids = (
        await base.select('t.id').orderBy('t.received_at', 'desc').orderBy('t.id', 'desc').limit(PAGE).offset(offset).execute()
      ).map((r) => r.id);
      if (ids.length === 0) return;
      const rows = (await ticketsRepo.selectView(this.db.db).where('t.id', 'in', ids).execute()) as TicketView[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of ids) {
        const t = toSummary(cal, byId.get(id)!, now);
        yield [
          t.code,
          t.title,
          t.category.name,
          ticketWords.channel[t.channel] ?? t.channel,
          t.urgency === 'urgent' ? '紧急' : '一般',
          ticketWords.state[t.state] ?? t.state,
          t.light ? ticketWords.light[t.light]! : '',
          t.unit.name,
          t.holder.name,
          ticketWords.level[t.holder.level] ?? t.holder.level,
          china(t.receivedAt),
          china(t.dueAt),
          t.result ? ticketWords.result[t.result]! : '',
          t.supervisionLevel ? ticketWords.supervision[t.supervisionLevel]! : '',
        ];
      }
      if (ids.length < PAGE) return;
    }
  }

  async export(actor: Actor, q: Omit<TicketListQuery, 'limit' | 'offset' | 'sort'>, format: 'csv' | 'xlsx'): Promise<Readable> {
    // An unknown unit, or more tickets than one export may hold, fails before anything is streamed.
    const base = await this.search.filtered(actor, q);
    const counted = await this.db.db
      .selectFrom(
        base
          .select('t.id')
          .limit(this.cap + 1)
          .as('c'),
      )
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(counted.n) > this.cap) throw AppError.exportTooLarge(this.cap);
    await this.audit.record(this.db.db, actor, {
      action: 'ticket.export',
      objectType: 'ticket',
      detail: { format, filter: q, cap: this.cap },
    });
    return tabularStream(header, this.rows(actor, q), format, '事件清单', [22, 36, 14, 12, 8, 10, 8, 16, 16, 12, 18, 18, 12, 10]);
  }
}
