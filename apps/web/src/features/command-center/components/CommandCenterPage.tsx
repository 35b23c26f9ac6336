/**
 * The command center's overview (指挥中心) for officials at a desk: the key figures with their
 * change, the map of the child units, the live feed, the trends, the red list, this week's
 * supervision notices and the ranking of the child units. Every figure opens the list behind it;
 * the map and the ranking drill down, the breadcrumbs go back up. It refreshes itself on every
 * ticket event in the viewer's scope. The figures are painted first, the rest right after.
 */
import { FileWordOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { chinaDateTime } from '@/shared/utils/china-time.ts';
import { chinaToday } from '@/features/statistics/utils/period.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useLiveDashboard } from '../hooks/use-live-dashboard.ts';
import { useLiveFeed } from '../hooks/use-live-feed.ts';
import { useReveal } from '../hooks/use-reveal.ts';
import { dashboardPath, monthReportUrl } from '../utils/links.ts';
import { parseMeasure, parseMonth } from '../utils/params.ts';
import { KeyFigures } from './KeyFigures.tsx';
import { MonthPicker } from './MonthPicker.tsx';
import { OverviewBody } from './OverviewBody.tsx';
import { UnitTrail } from './UnitTrail.tsx';

export function CommandCenterPage({ unitId }: { unitId: number | undefined }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const month = parseMonth(params.get('month'));
  const measure = parseMeasure(params.get('measure'));
  const { dashboard, status } = useLiveDashboard({ ...(unitId === undefined ? {} : { unitId }), ...(month ? { month } : {}) });
  const feed = useLiveFeed(dashboard.data);
  const revealed = useReveal(dashboard.data !== undefined);

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (current) => {
        const p = new URLSearchParams(current);
        if (value === undefined) p.delete(key);
        else p.set(key, value);
        return p;
      },
      { replace: true },
    );
  const linkTo = (id: number) => dashboardPath(id, { month });

  if (dashboard.isPending) return <Spin description={t('app.loading')} />;
  if (dashboard.isError)
    return <Alert type="error" showIcon title={t('commandCenter.loadFailed')} description={errorMessage(dashboard.error)} />;
  const data = dashboard.data;
  const current = chinaToday().slice(0, 7);

  return (
    <Flex vertical gap={12} data-testid="command-center" data-unit-id={data.unit.id} data-month={data.month}>
      <Flex
        justify="space-between"
        align="center"
        gap={12}
        wrap
        style={{
          background: token.colorBgContainer,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
          padding: '8px 12px',
          minHeight: 42,
        }}
      >
        <UnitTrail unit={data.unit} linkTo={linkTo} />
        {revealed && (
          <Flex align="center" gap={12} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('commandCenter.asOf', { time: chinaDateTime(data.asOf) })}
            </Typography.Text>
            <MonthPicker
              value={data.month}
              current={current > data.month ? current : data.month}
              onChange={(m) => setParam('month', m)}
            />
            <Button size="small" icon={<FileWordOutlined />} href={monthReportUrl(data.unit.id, data.month)} download>
              {t('commandCenter.report')}
            </Button>
            <Link to={dashboardPath(data.unit.id, { wall: true, month })} data-testid="cc-wall-link">
              <Button size="small" type="primary" icon={<FullscreenOutlined />}>
                {t('commandCenter.wall.open')}
              </Button>
            </Link>
          </Flex>
        )}
      </Flex>
      <Spin spinning={dashboard.isPlaceholderData}>
        <Flex vertical gap={12}>
          <KeyFigures data={data} />
          {revealed && (
            <OverviewBody
              data={data}
              feed={feed}
              status={status}
              measure={measure}
              onMeasure={(m) => setParam('measure', m === 'open' ? undefined : m)}
              onOpen={(id) => void navigate(linkTo(id))}
              linkTo={linkTo}
            />
          )}
        </Flex>
      </Spin>
    </Flex>
  );
}
