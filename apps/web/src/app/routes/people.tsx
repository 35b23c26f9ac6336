/**
 * The 人口与房屋 module: tabs for people (人口), buildings (楼栋), organizations and places
 * (组织场所) and, for those who may write, the import wizard (导入), all over one scope, the unit
 * whose subtree they show (`?within=`, by default the user's first top unit); /people/:id is a
 * person's profile. The URL is the state: tab, scope, filters and the open building or import.
 * Composes the people, places and imports features.
 */
import { Alert, Card, Empty, Flex, Result, Spin, Tabs, Typography } from 'antd';
import { Permission } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ImportWizard } from '@/features/imports/components/ImportWizard.tsx';
import { PeopleSearch } from '@/features/people/components/PeopleSearch.tsx';
import { PersonProfile } from '@/features/people/components/PersonProfile.tsx';
import { UnitTreePicker } from '@/features/units/components/UnitTreePicker.tsx';
import { useScope } from '@/features/people/hooks/use-scope.ts';
import { PEOPLE_PATH, sectionPath, type PeopleSection } from '@/features/people/utils/paths.ts';
import { BuildingList } from '@/features/places/components/BuildingList.tsx';
import { OrganizationList } from '@/features/places/components/OrganizationList.tsx';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useMe } from '@/shared/auth/get-me.ts';
import { useCanSomewhere } from '@/shared/auth/use-can.ts';

const SECTIONS: readonly PeopleSection[] = ['people', 'buildings', 'organizations', 'import'];
const isSection = (value: string): value is PeopleSection => SECTIONS.includes(value as PeopleSection);

function BaseDataTabs({ section }: { section: PeopleSection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scope = useScope();
  const me = useMe();
  const canImport = useCanSomewhere(Permission.PeopleWrite);

  // Only once the user is known: a link to the import tab must not bounce while the rights load.
  if (section === 'import' && me.isSuccess && !canImport) return <Navigate replace to={PEOPLE_PATH} />;
  if (scope.pending || me.isPending) return <Spin description={t('app.loading')} />;
  if (scope.error)
    return <Alert type="error" showIcon title={t('people.scope.loadFailed')} description={errorMessage(scope.error)} />;
  if (scope.none || scope.unitId === undefined)
    return (
      <Card size="small">
        <Empty description={t('people.scope.none')} />
      </Card>
    );
  const within = scope.unitId;

  const picker = (
    <UnitTreePicker
      value={within}
      onChange={(id) => id !== undefined && scope.setUnitId(id)}
      aria-label={t('people.scope.label')}
      style={{ width: 260 }}
    />
  );

  return (
    <Card size="small">
      <Tabs
        activeKey={section}
        onChange={(key) => void navigate(sectionPath(key as PeopleSection, within))}
        destroyOnHidden
        // The import wizard has the unit as a field of its own form.
        tabBarExtraContent={
          section === 'import' ? null : (
            <Flex gap={8} align="center">
              <Typography.Text type="secondary">{t('people.scope.label')}</Typography.Text>
              {picker}
            </Flex>
          )
        }
        items={[
          { key: 'people', label: t('people.tabs.people'), children: <PeopleSearch within={within} /> },
          // A new scope starts the other lists on their first page.
          { key: 'buildings', label: t('people.tabs.buildings'), children: <BuildingList key={within} within={within} /> },
          {
            key: 'organizations',
            label: t('people.tabs.organizations'),
            children: <OrganizationList key={within} within={within} />,
          },
          ...(canImport
            ? [{ key: 'import', label: t('people.tabs.import'), children: <ImportWizard unitId={within} unitPicker={picker} /> }]
            : []),
        ]}
      />
    </Card>
  );
}

export function Component() {
  const { t } = useTranslation();
  const { section = 'people' } = useParams();
  // A new person starts fresh: nothing revealed for the previous one survives.
  if (/^\d+$/.test(section)) return <PersonProfile key={section} id={Number(section)} />;
  if (!isSection(section)) return <Result status="404" title={t('notFound.title')} />;
  return <BaseDataTabs section={section} />;
}
