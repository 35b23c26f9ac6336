/**
 * The 网格 module: the unit tree on the left, the chosen unit on the right with its tabs. The URL
 * is the state: /units/:unitId picks the unit, ?tab= the tab, so any view can be linked to.
 * Composes the units, staff and households features.
 */
import { Alert, Card, Empty, Flex, Result, Spin, Tabs, Typography } from 'antd';
import { Permission } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { HouseholdTable } from '@/features/households/components/HouseholdTable.tsx';
import { StaffRoster } from '@/features/staff/components/StaffRoster.tsx';
import { useSystemInfo } from '@/features/system/api/get-system-info.ts';
import { useUnitChildren } from '@/features/units/api/get-unit-children.ts';
import { useUnit } from '@/features/units/api/get-unit.ts';
import { CoverageReport } from '@/features/units/components/CoverageReport.tsx';
import { CreateUnitButton, UnitActions } from '@/features/units/components/UnitActions.tsx';
import { UnitHistory } from '@/features/units/components/UnitHistory.tsx';
import { UnitMapPanel } from '@/features/units/components/UnitMapPanel.tsx';
import { UnitNavigator } from '@/features/units/components/UnitNavigator.tsx';
import { UnitOverview } from '@/features/units/components/UnitOverview.tsx';
import { isApiError } from '@/shared/api/api-error.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useCan, useCanSomewhere } from '@/shared/auth/use-can.ts';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { unitPath, type UnitTab } from '@/shared/ui/UnitLink.tsx';

const TABS: readonly UnitTab[] = ['overview', 'map', 'staff', 'households', 'coverage', 'history'];
const isTab = (value: string | null): value is UnitTab => TABS.includes(value as UnitTab);

/** /units alone opens the first root (the county), or offers to create it in an empty system. */
function OpenFirstRoot() {
  const { t } = useTranslation();
  const roots = useUnitChildren(null);
  const canCreate = useCanSomewhere(Permission.UnitsWrite);
  const first = roots.data?.items[0];
  if (first) return <Navigate replace to={unitPath(first.id)} />;
  if (roots.isPending) return <Spin description={t('app.loading')} />;
  if (roots.isError) return <Alert type="error" showIcon title={errorMessage(roots.error)} />;
  return (
    <Card>
      <Empty description={t('units.page.noUnits')}>{canCreate && <CreateUnitButton parent={null} />}</Empty>
    </Card>
  );
}

function UnitWorkspace({ id }: { id: number }) {
  const { t } = useTranslation();
  const detail = useUnit(id);
  const systemInfo = useSystemInfo();
  // Officials see the changes they may make here; read-only roles see none.
  const canEditUnits = useCan(Permission.UnitsWrite, detail.data);
  const canEditStaff = useCan(Permission.StaffWrite, detail.data);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: UnitTab = isTab(requested) ? requested : 'overview';

  if (detail.isPending) return <Spin description={t('app.loading')} />;
  if (detail.isError) {
    return isApiError(detail.error) && detail.error.status === 404 ? (
      <Result status="404" title={t('units.page.notFound')} />
    ) : (
      <Alert type="error" showIcon title={errorMessage(detail.error)} />
    );
  }
  const { unit } = detail.data;

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }} data-testid="unit-title">
            {unit.name}
          </Typography.Title>
          <UnitKindTag kind={unit.kind} />
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {unit.code}
          </Typography.Text>
        </Flex>
      }
      extra={canEditUnits ? <UnitActions unit={unit} /> : null}
    >
      <Tabs
        // Filters and pages belong to one unit; a new unit starts its tabs fresh.
        key={unit.id}
        activeKey={tab}
        onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'overview', label: t('units.tabs.overview'), children: <UnitOverview detail={detail.data} /> },
          {
            key: 'map',
            label: t('units.tabs.map'),
            children: <UnitMapPanel unit={unit} tileUrl={systemInfo.data?.mapTileUrl ?? null} />,
          },
          { key: 'staff', label: t('units.tabs.staff'), children: <StaffRoster unit={unit} canEdit={canEditStaff} /> },
          { key: 'households', label: t('units.tabs.households'), children: <HouseholdTable unitId={unit.id} /> },
          { key: 'coverage', label: t('units.tabs.coverage'), children: <CoverageReport unit={unit} /> },
          { key: 'history', label: t('units.tabs.history'), children: <UnitHistory unitId={unit.id} /> },
        ]}
      />
    </Card>
  );
}

export function Component() {
  const { t } = useTranslation();
  const { unitId } = useParams();
  const id = unitId !== undefined && /^\d+$/.test(unitId) ? Number(unitId) : null;

  return (
    <Flex gap={16} align="flex-start">
      <Card
        size="small"
        title={t('units.tree.label')}
        style={{ flex: '0 0 300px', width: 300, position: 'sticky', top: 64 }}
        styles={{ body: { maxHeight: 'calc(100vh - 170px)', overflow: 'auto' } }}
      >
        <UnitNavigator selectedId={id} />
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        {unitId === undefined ? (
          <OpenFirstRoot />
        ) : id === null ? (
          <Result status="404" title={t('units.page.notFound')} />
        ) : (
          <UnitWorkspace id={id} />
        )}
      </div>
    </Flex>
  );
}
