/**
 * The ECharts options of the command center's four charts, from one dashboard. Pure, so the
 * charts component only memoizes and wires clicks; the wall gets larger type.
 */
import { HandlingLevels, type Dashboard } from '@wangge/contracts';
import type { TFunction } from 'i18next';
import { formatRate } from '@/features/statistics/utils/format.ts';
import { levelColor, levelShares } from '@/features/statistics/utils/metrics.ts';
import type { ChartOption } from './echarts.ts';

export const TOP_CATEGORIES = 10;

export interface ChartNames {
  days: string;
  categories: string;
  months: string;
  levels: string;
}

export function chartNames(t: TFunction): ChartNames {
  return {
    days: t('commandCenter.charts.days'),
    categories: t('commandCenter.charts.categories'),
    months: t('commandCenter.charts.months'),
    levels: t('commandCenter.charts.levels'),
  };
}

export function chartOptions(data: Dashboard, t: TFunction, wall: boolean): Record<keyof ChartNames, ChartOption> {
  const names = chartNames(t);
  const font = wall ? 16 : 13;
  const axisLabel = { fontSize: font - 2 };
  const title = (text: string, subtext?: string) => ({
    left: 8,
    top: 4,
    text,
    subtext,
    textStyle: { fontSize: wall ? 18 : 14 },
    subtextStyle: { fontSize: wall ? 14 : 12 },
  });
  const received = t('commandCenter.charts.received');
  const categories = data.categories.slice(0, TOP_CATEGORIES);
  const shares = levelShares(data.levels);

  return {
    days: {
      title: title(names.days),
      tooltip: { trigger: 'axis' },
      legend: { top: 6, right: 40, textStyle: { fontSize: font } },
      grid: { left: 40, right: 16, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: data.days.map((d) => d.day.slice(5)), axisLabel },
      yAxis: { type: 'value', minInterval: 1, axisLabel },
      series: [
        { type: 'line', name: received, smooth: true, data: data.days.map((d) => d.received) },
        { type: 'line', name: t('commandCenter.charts.closed'), smooth: true, data: data.days.map((d) => d.closed) },
      ],
    },
    categories: {
      title: title(names.categories, t('commandCenter.charts.period', { from: data.from, to: data.to })),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 96, right: 40, top: 52, bottom: 16 },
      xAxis: { type: 'value', minInterval: 1, axisLabel },
      yAxis: {
        type: 'category',
        inverse: true,
        data: categories.map((c) => c.name),
        axisLabel: { ...axisLabel, width: 88, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: received,
          barMaxWidth: 18,
          data: categories.map((c) => c.received),
          label: { show: true, position: 'right', fontSize: font - 2 },
        },
      ],
    },
    months: {
      title: title(names.months),
      tooltip: { trigger: 'axis' },
      grid: { left: 44, right: 16, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: data.months.map((m) => m.month.slice(2)), axisLabel },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel, formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('commandCenter.figure.onTimeRate'),
          itemStyle: { color: '#52c41a' },
          // '-' is ECharts' "no value": a month with nothing due is a gap, not 0 %.
          data: data.months.map((m) => (m.onTimeRate === null ? '-' : Math.round(m.onTimeRate * 1000) / 10)),
        },
      ],
    },
    levels: {
      title: title(
        names.levels,
        [
          t('statistics.levels.inVillage', { rate: formatRate(shares.inVillage) }),
          t('statistics.levels.inTownship', { rate: formatRate(shares.inTownship) }),
        ].join('\u3000'),
      ),
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          name: names.levels,
          sort: 'none',
          top: 60,
          bottom: 8,
          left: '12%',
          width: '76%',
          minSize: '8%',
          gap: 2,
          label: {
            position: 'inside',
            fontSize: font - 1,
            formatter: ({ name, value }) =>
              `${name} ${String(value)}${shares.total > 0 ? `（${formatRate(Number(value) / shares.total)}）` : ''}`,
          },
          data: HandlingLevels.map((l) => ({
            name: t(`statistics.level.${l}`),
            value: data.levels[l],
            itemStyle: { color: levelColor[l] },
          })),
        },
      ],
    },
  };
}
