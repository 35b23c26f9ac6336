/**
 * The 统计 module: ticket statistics (统计分析), supervision notices (督办) and the circular (通报)
 * as tabs over one unit (`?within=`, by default the user's first top unit). The URL is the state:
 * /statistics/:tab, the unit, the period and the filters, so any view can be sent as a link.
 * Composes the statistics and supervision features with the unit picker of the people feature.
 */
import { Alert, Card, Empty, Flex, Result, Spin, Tabs, Typography } from 'antd';
import { Permission } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { UnitTreePicker } from '@/features/units/components/UnitTreePicker.tsx';
import { useScope } from '@/features/people/hooks/use-scope.ts';
import { StatisticsView } from '@/features/statistics/components/StatisticsView.tsx';
import { CircularReport } from '@/features/supervision/components/CircularReport.tsx';
import { NoticeList } from '@/features/supervision/components/NoticeList.tsx';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useCanSomewhere } from '@/shared/auth/use-can.ts';

const TABS = ['overview', 'supervision', 'circular'] as const;
type StatisticsTab = (typeof TABS)[number];
const isTab = (value: string): value is StatisticsTab => TABS.includes(value as StatisticsTab);

const tabPath = (tab: StatisticsTab, within: number) => `/statistics${tab === 'overview' ? '' : `/${tab}`}?within=${within}`;

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab = 'overview' } = useParams();
  const scope = useScope();
  // Supervision reads tickets; the dispatch right runs the sweep.
  const canSupervise = useCanSomewhere(Permission.TicketsRead);
  const canSweep = useCanSomewhere(Permission.TicketsDispatch);

  if (!isTab(tab) || (tab !== 'overview' && !canSupervise)) return <Result status="404" title={t('notFound.title')} />;
  if (scope.pending) return <Spin description={t('app.loading')} />;
  if (scope.error)
    return <Alert type="error" showIcon title={t('statistics.scope.loadFailed')} description={errorMessage(scope.error)} />;
  if (scope.none || scope.unitId === undefined)
    return (
      <Card size="small">
        <Empty description={t('statistics.scope.none')} />
      </Card>
    );
  const within = scope.unitId;

  return (
    <Card size="small">
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(tabPath(key as StatisticsTab, within))}
        destroyOnHidden
        tabBarExtraContent={
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('statistics.scope.label')}</Typography.Text>
            <UnitTreePicker
              value={within}
              onChange={(id) => id !== undefined && scope.setUnitId(id)}
              aria-label={t('statistics.scope.label')}
              style={{ width: 240 }}
            />
          </Flex>
        }
        items={[
          // A new unit starts each view fresh (its page, its sorting).
          { key: 'overview', label: t('statistics.tabs.overview'), children: <StatisticsView key={within} unitId={within} /> },
          ...(canSupervise
            ? [
                {
                  key: 'supervision',
                  label: t('statistics.tabs.supervision'),
                  children: <NoticeList key={within} within={within} canSweep={canSweep} />,
                },
                {
                  key: 'circular',
                  label: t('statistics.tabs.circular'),
                  children: <CircularReport key={within} within={within} />,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
