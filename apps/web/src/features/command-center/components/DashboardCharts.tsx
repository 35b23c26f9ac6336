/**
 * The command center's charts: reports received and closed per day (30 days), reports by category
 * this month, the on-time rate by month (12 months) and the handling-level funnel of the year
 * ("小事不出村、大事不出镇"). A click on a bar, point or level opens the tickets behind it. Loaded
 * lazily with ECharts (utils/echarts.ts).
 */
import { useMemo } from 'react';
import { HandlingLevels, type Dashboard } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDisplay } from '../hooks/use-display.ts';
import { chartNames, chartOptions, TOP_CATEGORIES } from '../utils/chart-options.ts';
import { monthDays, ticketListPath } from '../utils/links.ts';
import { ChartCard } from './ChartCard.tsx';

export interface DashboardChartsProps {
  data: Dashboard;
  height: number;
  /** Grid columns: 4 side by side on the wall, 2 on a desk. */
  columns: number;
}

function DashboardCharts({ data, height, columns }: DashboardChartsProps) {
  const { t } = useTranslation();
  const { wall } = useDisplay();
  const navigate = useNavigate();
  const options = useMemo(() => chartOptions(data, t, wall), [data, t, wall]);
  const names = chartNames(t);
  const within = data.unit.id;
  const base = `${data.unit.name}-${data.month}`;
  const open = (path: string) => void navigate(path);
  const card = (key: keyof typeof names, onClick: (dataIndex: number) => void) => (
    <ChartCard
      title={names[key]}
      option={options[key]}
      fileName={`${base}-${names[key]}`}
      height={height}
      onClick={({ dataIndex }) => onClick(dataIndex)}
    />
  );

  return (
    <div data-testid="cc-charts" style={{ display: 'grid', gap: 12, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      {card('days', (i) => {
        const day = data.days[i]?.day;
        if (day) open(ticketListPath({ within, from: day, to: day }));
      })}
      {card('categories', (i) => {
        const c = data.categories.slice(0, TOP_CATEGORIES)[i];
        if (c) open(ticketListPath({ within, from: data.from, to: data.to, categoryId: c.id }));
      })}
      {card('months', (i) => {
        const m = data.months[i]?.month;
        if (!m) return;
        const { from, to } = monthDays(m);
        open(ticketListPath({ within, from, to: to > data.to ? data.to : to, state: 'done', result: 'onTime' }));
      })}
      {card('levels', (i) => {
        const level = HandlingLevels[i];
        if (level) open(ticketListPath({ within, from: `${data.month.slice(0, 4)}-01-01`, to: data.to, state: 'done', level }));
      })}
    </div>
  );
}

export default DashboardCharts;
