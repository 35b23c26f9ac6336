/**
 * Everything of the overview below the key figures: the map beside the live feed, the charts, and
 * the red list, this week's notices and the ranking.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Alert, Card, Spin } from 'antd';
import type { Dashboard } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { ChartBoundary } from '@/features/statistics/components/ChartBoundary.tsx';
import type { StreamStatus } from '@/shared/hooks/use-ticket-stream.ts';
import type { FeedItem } from '../utils/feed.ts';
import type { Measure } from '../utils/measure.ts';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { LiveFeed } from './LiveFeed.tsx';
import { MapPanel } from './MapPanel.tsx';
import { Ranking } from './Ranking.tsx';
import { RedList } from './RedList.tsx';
import { WeekNotices } from './WeekNotices.tsx';

const DashboardCharts = lazy(() => import('./DashboardCharts.tsx'));
// ECharts draws on canvas; without it (jsdom, a very old browser) its chunk is not even loaded.
export const canDrawCharts = typeof CanvasRenderingContext2D !== 'undefined';

function Section({ title, extra, children, testId }: { title: string; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

export interface OverviewBodyProps {
  data: Dashboard;
  feed: readonly FeedItem[];
  status: StreamStatus;
  measure: Measure;
  onMeasure: (measure: Measure) => void;
  onOpen: (unitId: number) => void;
  linkTo: (unitId: number) => string;
}

export function OverviewBody({ data, feed, status, measure, onMeasure, onOpen, linkTo }: OverviewBodyProps) {
  const { t } = useTranslation();
  return (
    <>
      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'minmax(0, 2fr) minmax(280px, 1fr)' }}>
        <Card size="small" styles={{ body: { height: 520 } }}>
          <MapPanel data={data} measure={measure} onMeasure={onMeasure} onOpen={onOpen} height={440} />
        </Card>
        <Section title={t('commandCenter.feed.title')} extra={<ConnectionIndicator status={status} />} testId="cc-feed-card">
          <div style={{ maxHeight: 470, overflow: 'auto' }}>
            <LiveFeed items={feed} />
          </div>
        </Section>
      </div>
      {canDrawCharts && (
        <ChartBoundary fallback={<Alert type="info" showIcon title={t('statistics.charts.unavailable')} />}>
          <Suspense fallback={<Spin description={t('statistics.charts.loading')} />}>
            <DashboardCharts data={data} height={280} columns={2} />
          </Suspense>
        </ChartBoundary>
      )}
      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' }}>
        <Section title={t('commandCenter.red.title', { n: data.figures.red })} testId="cc-red-card">
          <RedList items={data.redList} />
        </Section>
        <Section title={t('commandCenter.notices.title')}>
          <WeekNotices items={data.notices} />
        </Section>
        <Section title={t('commandCenter.ranking.title')}>
          <Ranking items={data.children} period={{ from: data.from, to: data.to }} linkTo={linkTo} />
        </Section>
      </div>
    </>
  );
}
