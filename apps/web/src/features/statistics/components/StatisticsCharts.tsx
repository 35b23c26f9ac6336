/**
 * The two charts of the statistics page: where tickets were finally handled (处置层级, "小事不出村、
 * 大事不出镇") and received/closed per group. Loaded lazily with ECharts (see utils/echarts.ts).
 */
import { useMemo } from 'react';
import { Flex } from 'antd';
import { HandlingLevels, type StatFigures } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { formatRate } from '../utils/format.ts';
import type { ChartOption } from '../utils/echarts.ts';
import { levelColor, levelShares } from '../utils/metrics.ts';
import { EChart } from './EChart.tsx';
import type { StatLine } from './StatisticsTable.tsx';

export interface StatisticsChartsProps {
  totals: StatFigures;
  lines: StatLine[];
  /** Unit and period, the charts' subtitle. */
  subtitle: string;
  /** The saved images' names start with it. */
  fileBase: string;
}

const titleStyle = { left: 8, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 12 } } as const;

function StatisticsCharts({ totals, lines, subtitle, fileBase }: StatisticsChartsProps) {
  const { t } = useTranslation();

  const levelTitle = t('statistics.levels.title');
  const levelOption = useMemo<ChartOption>(() => {
    const shares = levelShares(totals.levels);
    const levels = [...HandlingLevels];
    return {
      title: {
        ...titleStyle,
        text: levelTitle,
        // Ideographic spaces between the parts, as a Chinese report separates them.
        subtext: [
          subtitle,
          t('statistics.levels.inVillage', { rate: formatRate(shares.inVillage) }),
          t('statistics.levels.inTownship', { rate: formatRate(shares.inTownship) }),
        ].join('\u3000'),
      },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 90, right: 70, top: 64, bottom: 16 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: levels.map((l) => t(`statistics.level.${l}`)) },
      series: [
        {
          type: 'bar',
          name: t('statistics.figure.closed'),
          barMaxWidth: 22,
          data: levels.map((l) => ({ value: totals.levels[l], itemStyle: { color: levelColor[l] } })),
          label: {
            show: true,
            position: 'right',
            formatter: ({ value }) => {
              const n = Number(value);
              return shares.total > 0 ? `${n}（${formatRate(n / shares.total)}）` : String(n);
            },
          },
        },
      ],
    };
  }, [totals.levels, subtitle, levelTitle, t]);

  const groupTitle = t('statistics.charts.groups');
  const groupOption = useMemo<ChartOption>(() => {
    const many = lines.length > 8;
    return {
      title: { ...titleStyle, text: groupTitle, subtext: subtitle },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 8, right: 110 },
      grid: { left: 48, right: 16, top: 64, bottom: many ? 72 : 32 },
      xAxis: {
        type: 'category',
        data: lines.map((l) => l.label),
        axisLabel: { interval: 0, rotate: many ? 35 : 0, width: 96, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('statistics.figure.received'), barMaxWidth: 24, data: lines.map((l) => l.figures.received) },
        { type: 'bar', name: t('statistics.figure.closed'), barMaxWidth: 24, data: lines.map((l) => l.figures.closed) },
        {
          type: 'bar',
          name: t('statistics.figure.overdueNow'),
          barMaxWidth: 24,
          itemStyle: { color: '#cf1322' },
          data: lines.map((l) => l.figures.overdueNow),
        },
      ],
    };
  }, [lines, subtitle, groupTitle, t]);

  return (
    <Flex gap={12} wrap>
      <div style={{ flex: '1 1 380px', minWidth: 0 }}>
        <EChart title={levelTitle} option={levelOption} fileName={`${fileBase}-${levelTitle}`} height={300} />
      </div>
      <div style={{ flex: '2 1 520px', minWidth: 0 }}>
        <EChart title={groupTitle} option={groupOption} fileName={`${fileBase}-${groupTitle}`} height={300} />
      </div>
    </Flex>
  );
}

export default StatisticsCharts;
