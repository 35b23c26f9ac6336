/**
 * The 统计 page of a unit: filters, key figures, charts and the table by group. Every count leads
 * to the tickets behind it (the tickets list with the same filters); a child unit's row also
 * drills down to that unit's own statistics.
 */
import { lazy, Suspense, useMemo } from 'react';
import { ZoomInOutlined } from '@ant-design/icons';
import { Alert, Flex, Spin, Typography } from 'antd';
import { TicketChannels, type Statistics, type StatisticsQuery, type TicketChannel } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useChildUnits } from '../api/get-child-units.ts';
import { useStatistics } from '../api/get-statistics.ts';
import { useTicketCategories } from '../api/get-ticket-categories.ts';
import { useStatisticsView } from '../hooks/use-statistics-view.ts';
import type { StatRow } from '../utils/metrics.ts';
import type { TicketListFilter } from '../utils/ticket-links.ts';
import { ChartBoundary } from './ChartBoundary.tsx';
import { FigureCards } from './FigureCards.tsx';
import { StatisticsFilters } from './StatisticsFilters.tsx';
import { StatisticsTable, type StatLine } from './StatisticsTable.tsx';

const StatisticsCharts = lazy(() => import('./StatisticsCharts.tsx'));
// ECharts draws on canvas; without it (a very old browser, jsdom) the chunk is not even loaded.
const canDrawCharts = typeof CanvasRenderingContext2D !== 'undefined';

export function StatisticsView({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const view = useStatisticsView();
  const { filters, period } = view;
  const query: StatisticsQuery = {
    unitId,
    from: period.from,
    to: period.to,
    by: filters.by,
    ...(filters.categoryId === undefined ? {} : { categoryId: filters.categoryId }),
    ...(filters.channel === undefined ? {} : { channel: filters.channel }),
  };
  const stats = useStatistics(query);
  const categories = useTicketCategories();
  const children = useChildUnits(unitId, filters.by === 'unit');

  const { from, to } = period;
  const { categoryId, channel } = filters;
  const base = useMemo(
    (): TicketListFilter => ({ within: unitId, from, to, categoryId, channel }),
    [unitId, from, to, categoryId, channel],
  );

  // Rows are keyed by code; the tickets list and the drill-down take ids.
  const lines = useMemo((): StatLine[] => {
    const rows: StatRow[] = stats.data?.rows ?? [];
    const drill = (id: number) => {
      const p = new URLSearchParams(search);
      p.set('within', String(id));
      return `${pathname}?${p.toString()}`;
    };
    return rows.map((row) => {
      const line: StatLine = { key: row.key, label: row.name, figures: row, filter: null };
      if (filters.by === 'channel') {
        const known = TicketChannels.includes(row.key as TicketChannel);
        return {
          ...line,
          label: known ? t(`statistics.channel.${row.key as TicketChannel}`) : row.name,
          filter: { ...base, channel: row.key },
        };
      }
      if (filters.by === 'category') {
        const category = categories.data?.find((c) => c.code === row.key);
        return category ? { ...line, filter: { ...base, categoryId: category.id } } : line;
      }
      const child = children.data?.items.find((u) => u.code === row.key);
      return child ? { ...line, filter: { ...base, within: child.id }, drillTo: drill(child.id) } : line;
    });
  }, [stats.data, filters.by, categories.data, children.data, pathname, search, base, t]);

  const chartsUnavailable = <Alert type="info" showIcon title={t('statistics.charts.unavailable')} />;
  const body = (data: Statistics) => {
    const subtitle = t('statistics.charts.subtitle', { unit: data.unit.name, from: data.from, to: data.to });
    return (
      <>
        <FigureCards figures={data.totals} base={base} />
        {canDrawCharts ? (
          <ChartBoundary fallback={chartsUnavailable}>
            <Suspense fallback={<Spin description={t('statistics.charts.loading')} />}>
              <StatisticsCharts
                totals={data.totals}
                lines={lines}
                subtitle={subtitle}
                fileBase={`${data.unit.name}-${data.from}-${data.to}`}
              />
            </Suspense>
          </ChartBoundary>
        ) : (
          chartsUnavailable
        )}
        <StatisticsTable lines={lines} total={data.totals} groupTitle={t(`statistics.by.column.${filters.by}`)} />
      </>
    );
  };

  return (
    <Flex vertical gap={12}>
      <StatisticsFilters
        period={view}
        presets={view.presets}
        filters={filters}
        categories={categories.data ?? []}
        onChange={view.setFilter}
      />
      {stats.isPending ? (
        <Spin description={t('app.loading')} />
      ) : stats.isError ? (
        <Alert type="error" showIcon title={t('statistics.loadFailed')} description={errorMessage(stats.error)} />
      ) : (
        <Spin spinning={stats.isFetching && stats.isPlaceholderData}>
          <Flex vertical gap={12}>
            {body(stats.data)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('statistics.table.hint')}
              {filters.by === 'unit' && (
                <>
                  {' '}
                  <ZoomInOutlined /> {t('statistics.table.hintDrill')}
                </>
              )}
            </Typography.Text>
          </Flex>
        </Spin>
      )}
    </Flex>
  );
}
