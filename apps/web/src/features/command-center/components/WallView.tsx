/**
 * The wall (大屏): the same dashboard laid out for a 1920×1080 screen in the dark theme with large
 * type and no app chrome (it covers the shell), scaled to whatever screen it is on. It refreshes
 * itself through the live stream and may rotate between units (`?rotate=…&every=…`). Built to run
 * for days: the feed is capped, charts and the map are reused and disposed on unmount, and the
 * stream and every timer are closed with it.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { CompressOutlined, ExpandOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Card, ConfigProvider, Flex, Spin, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ChartBoundary } from '@/features/statistics/components/ChartBoundary.tsx';
import { chinaDateTime } from '@/shared/utils/china-time.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { DisplayContext } from '../hooks/use-display.ts';
import { useFitScale } from '../hooks/use-fit-scale.ts';
import { useLiveDashboard } from '../hooks/use-live-dashboard.ts';
import { useLiveFeed } from '../hooks/use-live-feed.ts';
import { useNightlyReload } from '../hooks/use-nightly-reload.ts';
import { useRotation } from '../hooks/use-rotation.ts';
import { WALL_BACKGROUND } from '../utils/colors.ts';
import { dashboardPath } from '../utils/links.ts';
import { parseMeasure, parseMonth, parseReloadAt, parseRotation, type Rotation } from '../utils/params.ts';
import { canDrawCharts } from './OverviewBody.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { LiveFeed } from './LiveFeed.tsx';
import { MapPanel } from './MapPanel.tsx';
import { Ranking } from './Ranking.tsx';
import { RedList } from './RedList.tsx';
import { UnitTrail } from './UnitTrail.tsx';
import { WeekNotices } from './WeekNotices.tsx';

const DashboardCharts = lazy(() => import('./DashboardCharts.tsx'));

export const WALL_WIDTH = 1920;
export const WALL_HEIGHT = 1080;
const FEED_SHOWN = 12;
const wallTheme = { algorithm: theme.darkAlgorithm, token: { colorPrimary: '#3c89e8', fontSize: 16 } };

function Panel({ title, extra, children, testId }: { title: string; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card
      size="small"
      title={<span style={{ fontSize: 18 }}>{title}</span>}
      extra={extra}
      data-testid={testId}
      style={{ height: '100%', overflow: 'hidden' }}
      styles={{ body: { padding: '8px 12px' } }}
    >
      {children}
    </Card>
  );
}

function useFullscreen() {
  const [on, setOn] = useState(() => typeof document !== 'undefined' && document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);
  const toggle = () =>
    void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(
      () => undefined,
    );
  return { on, toggle };
}

function WallBody({
  unitId,
  month,
  rotation,
}: {
  unitId: number | undefined;
  month: string | undefined;
  rotation: Rotation | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [measure, setMeasure] = useState(() => parseMeasure(params.get('measure')));
  const rotating = useRotation(rotation);
  const shown = rotating ?? unitId;
  // A rotating wall keeps one stream for all its units (it runs for days); a fixed one follows its unit.
  const { dashboard, status } = useLiveDashboard(
    { ...(shown === undefined ? {} : { unitId: shown }), ...(month ? { month } : {}) },
    rotation ? null : shown,
  );
  const feed = useLiveFeed(dashboard.data);
  const fullscreen = useFullscreen();
  const linkTo = (id: number) => dashboardPath(id, { wall: true, month });

  if (dashboard.isPending) return <Spin size="large" description={t('app.loading')} style={{ margin: 'auto' }} />;
  if (dashboard.isError)
    return <Alert type="error" showIcon title={t('commandCenter.loadFailed')} description={errorMessage(dashboard.error)} />;
  const data = dashboard.data;

  return (
    <Flex vertical gap={12} style={{ height: '100%' }} data-testid="command-center-wall" data-unit-id={data.unit.id}>
      <Flex justify="space-between" align="center" style={{ height: 56 }}>
        <Flex align="baseline" gap={24}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 34, letterSpacing: 2 }}>
            {t('commandCenter.wall.title', { name: data.unit.name })}
          </Typography.Title>
          <UnitTrail unit={data.unit} linkTo={linkTo} />
        </Flex>
        <Flex align="center" gap={20}>
          <Typography.Text type="secondary" style={{ fontSize: 16 }}>
            {t('commandCenter.wall.period', { from: data.from, to: data.to })}
            {'\u3000'}
            {t('commandCenter.asOf', { time: chinaDateTime(data.asOf) })}
          </Typography.Text>
          <ConnectionIndicator status={status} wall />
          <Button
            type="text"
            icon={fullscreen.on ? <CompressOutlined /> : <ExpandOutlined />}
            onClick={fullscreen.toggle}
            aria-label={t(fullscreen.on ? 'commandCenter.wall.exitFullscreen' : 'commandCenter.wall.fullscreen')}
          />
          <Link to={dashboardPath(data.unit.id, { month })} aria-label={t('commandCenter.wall.close')}>
            <Button type="text" icon={<LogoutOutlined />} />
          </Link>
        </Flex>
      </Flex>
      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: '500px minmax(0, 1fr) 460px', height: 610 }}>
        <Flex vertical gap={12} style={{ minHeight: 0 }}>
          <KeyFigures data={data} keys={['receivedToday', 'receivedMonth', 'open', 'red', 'yellow', 'onTimeRate']} />
          <Panel title={t('commandCenter.ranking.title')}>
            <Ranking items={data.children} period={{ from: data.from, to: data.to }} linkTo={linkTo} limit={6} />
          </Panel>
        </Flex>
        <Card size="small" styles={{ body: { height: 610, padding: 10 } }}>
          <MapPanel
            data={data}
            measure={measure}
            onMeasure={setMeasure}
            onOpen={(id) => void navigate(linkTo(id))}
            height={540}
          />
        </Card>
        <Flex vertical gap={12} style={{ minHeight: 0 }}>
          <div style={{ flex: '1 1 60%', minHeight: 0 }}>
            <Panel title={t('commandCenter.feed.title')} testId="cc-feed-card">
              <LiveFeed items={feed.slice(0, FEED_SHOWN)} />
            </Panel>
          </div>
          <div style={{ flex: '1 1 40%', minHeight: 0 }}>
            <Panel title={t('commandCenter.red.title', { n: data.figures.red })}>
              <RedList items={data.redList.slice(0, 5)} />
            </Panel>
          </div>
        </Flex>
      </div>
      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'minmax(0, 4fr) minmax(0, 1fr)', flex: 1, minHeight: 0 }}>
        {canDrawCharts ? (
          <ChartBoundary fallback={<Alert type="info" showIcon title={t('statistics.charts.unavailable')} />}>
            <Suspense fallback={<Spin description={t('statistics.charts.loading')} />}>
              <DashboardCharts data={data} height={326} columns={4} />
            </Suspense>
          </ChartBoundary>
        ) : (
          <div />
        )}
        <Panel title={t('commandCenter.notices.title')}>
          <WeekNotices items={data.notices.slice(0, 4)} />
        </Panel>
      </div>
    </Flex>
  );
}

export function WallView({ unitId }: { unitId: number | undefined }) {
  const [params] = useSearchParams();
  const scale = useFitScale(WALL_WIDTH, WALL_HEIGHT);
  const rotation = parseRotation(params.get('rotate'), params.get('every'));
  const rotationKey = rotation ? `${rotation.unitIds.join(',')}/${rotation.every}` : '';
  const month = parseMonth(params.get('month'));
  useNightlyReload(parseReloadAt(params.get('reload')));
  return (
    <ConfigProvider theme={wallTheme}>
      <DisplayContext.Provider value={{ wall: true }}>
        <div style={{ position: 'fixed', inset: 0, zIndex: 1000, background: WALL_BACKGROUND, overflow: 'hidden' }}>
          <div
            style={{
              width: WALL_WIDTH,
              height: WALL_HEIGHT,
              padding: 16,
              transform: `scale(${scale})`,
              transformOrigin: 'top left',
              color: 'rgba(255, 255, 255, 0.88)',
            }}
          >
            <WallBody key={rotationKey} unitId={unitId} month={month} rotation={rotation} />
          </div>
        </div>
      </DisplayContext.Provider>
    </ConfigProvider>
  );
}
