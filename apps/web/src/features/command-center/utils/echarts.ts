/**
 * The statistics feature's ECharts (bars, grid, title, legend, tooltip, canvas) plus what the
 * command center also draws: lines for the trends and a funnel for the handling levels. Imported
 * only by the lazily loaded charts, so ECharts stays out of the page's first chunks.
 */
import { FunnelChart, LineChart, type FunnelSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { echarts, type ChartOption as BarChartOption } from '@/features/statistics/utils/echarts.ts';

echarts.use([LineChart, FunnelChart]);

type BarOptionSeries = NonNullable<BarChartOption['series']>;
type Series = (BarOptionSeries extends readonly (infer S)[] ? S : BarOptionSeries) | LineSeriesOption | FunnelSeriesOption;

export type ChartOption = Omit<BarChartOption, 'series'> & { series?: Series[] };

export { echarts };
