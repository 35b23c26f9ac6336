/**
 * The monthly report (月报) of a unit as a Word document, written from the data the system already
 * holds, so a township submits it without retyping: base figures, tickets received and handled with
 * the rates, categories, handling levels, overdue and supervision, and a table of the child units.
 */
import type { Dashboard, Statistics } from '@wangge/contracts';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const change = (v: number | null, p: number | null) =>
  v === null || p === null ? '' : `（较上月同期${v >= p ? '上升' : '下降'}${Math.abs((v - p) * 100).toFixed(1)}个百分点）`;
const FONT = 'SimSun';

const para = (text: string, opts: { bold?: boolean; center?: boolean; size?: number } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 120, line: 360 },
    indent: opts.center ? undefined : { firstLine: 480 },
    children: [new TextRun({ text, bold: opts.bold, size: opts.size ?? 28, font: FONT })],
  });

const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 30, font: 'SimHei' })],
  });

function table(head: string[], rows: (string | number)[][]): Table {
  const cell = (v: string | number, bold = false) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: String(v), bold, size: 21, font: FONT })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

const levelNames = {
  grid: '网格',
  village: '村（社区）',
  township: '乡镇（街道）',
  county: '县级',
  department: '职能部门',
} as const;

export async function monthlyReport(d: Dashboard, byCategory: Statistics, byChild: Statistics): Promise<Buffer> {
  const [y, m] = d.month.split('-');
  const f = d.figures;
  const t = byCategory.totals;
  const levelTotal = Object.values(d.levels).reduce((a, b) => a + b, 0);
  const belowVillage = d.levels.grid + d.levels.village;
  const belowTownship = belowVillage + d.levels.township;
  const body = [
    para(`${d.unit.name}${y}年${Number(m)}月网格化服务管理工作月报`, { bold: true, center: true, size: 36 }),
    para(`（统计时段：${d.from} 至 ${d.to}；数据生成时间：${d.asOf.slice(0, 10)}）`, { center: true, size: 22 }),
    heading('一、基本情况'),
    para(
      `全${d.unit.name}现有网格${f.grids}个，在岗网格服务管理人员${f.staffOnDuty}人，登记实有人口${f.people}人、${f.households}户。`,
    ),
    heading('二、事件受理办理情况'),
    para(
      `本月共受理各类事件${t.received}件（较上月同期${f.receivedMonth.previous}件），不予受理${t.rejected}件；应办结${t.due}件，已办结${t.closed}件，` +
        `办结率${pct(t.completionRate)}${change(f.completionRate.value, f.completionRate.previous)}；按期办结${t.closedOnTime}件，按期办结率${pct(t.onTimeRate)}` +
        `${change(f.onTimeRate.value, f.onTimeRate.previous)}；响应率${pct(t.responseRate)}，解决率${pct(t.resolutionRate)}，满意率${pct(t.satisfactionRate)}。` +
        `网格员自办自结占比${pct(t.selfResolvedShare)}，平均办结用时${t.avgWorkdaysToClose ?? '—'}个工作日。`,
    ),
    table(
      ['事件类别', '受理', '办结', '按期办结率', '满意率'],
      byCategory.rows
        .filter((r) => r.received > 0)
        .map((r) => [r.name, r.received, r.closed, pct(r.onTimeRate), pct(r.satisfactionRate)]),
    ),
    heading('三、分级处置情况'),
    para(
      levelTotal === 0
        ? '本年度暂无办结事件。'
        : `本年度已办结事件中，${Object.entries(d.levels)
            .map(([k, v]) => `${levelNames[k as keyof typeof levelNames]}办结${v}件`)
            .join('，')}；村级及以下化解${pct(belowVillage / levelTotal)}，乡镇级及以下化解${pct(belowTownship / levelTotal)}，` +
            `体现"小事不出村、大事不出镇"。`,
    ),
    heading('四、超期及督办情况'),
    para(
      `截至报告生成时，在办事件${f.open}件，其中超期（红灯）${f.red}件、临期（黄灯）${f.yellow}件；本周发出督办函${d.notices.length}份。` +
        (d.redList.length
          ? `超期时间最长的事件：${d.redList
              .slice(0, 5)
              .map((r) => `${r.ticket.code}（${r.ticket.title}，${r.holder}，超期${r.workdaysLate}个工作日）`)
              .join('；')}。`
          : ''),
    ),
    heading('五、各单位情况'),
    table(
      ['单位', '受理', '办结', '按期办结率', '满意率', '当前超期'],
      byChild.rows.map((r) => [
        r.name,
        r.received,
        r.closed,
        pct(r.onTimeRate),
        pct(r.satisfactionRate),
        d.children.find((c) => c.unit.id === r.id)?.red ?? 0,
      ]),
    ),
    para('（本报告由网格化服务管理信息系统根据业务数据自动生成，数据口径见系统统计说明。）', { size: 20 }),
  ];
  const doc = new Document({ creator: 'Wangge', title: `${d.unit.name}${d.month}月报`, sections: [{ children: body }] });
  return Packer.toBuffer(doc);
}
