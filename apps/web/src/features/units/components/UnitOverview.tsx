/** The 概况 tab: where the unit sits, its code, kind and status, households and its own sizing warnings. */
import { Alert, Breadcrumb, Descriptions, Flex, Tag, Typography } from 'antd';
import type { UnitDetail } from '@wangge/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { UnitLink } from '@/shared/ui/UnitLink.tsx';
import { useUnitChildren } from '../api/get-unit-children.ts';
import { SizingWarnings } from './SizingWarnings.tsx';

export function UnitOverview({ detail }: { detail: UnitDetail }) {
  const { t } = useTranslation();
  const { unit, ancestors, households, warnings } = detail;
  // Ancestors above the official's scope (above the tree's roots) are named but not linked.
  const roots = useUnitChildren(null);
  const firstLinked = ancestors.findIndex((a) => roots.data?.items.some((r) => r.id === a.id));
  // The rules apply to grids and micro-grids; higher levels see their children's warnings in coverage.
  const sized = unit.kind === 'grid' || unit.kind === 'microGrid';

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        aria-label={t('units.overview.breadcrumb')}
        items={[
          ...ancestors.map((a, i) => ({
            key: a.id,
            title: firstLinked >= 0 && i >= firstLinked ? <UnitLink id={a.id}>{a.name}</UnitLink> : a.name,
          })),
          { key: unit.id, title: unit.name },
        ]}
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'code', label: t('units.overview.code'), children: <Typography.Text copyable>{unit.code}</Typography.Text> },
          { key: 'kind', label: t('units.overview.kind'), children: <UnitKindTag kind={unit.kind} /> },
          {
            key: 'status',
            label: t('units.overview.status'),
            children: <Tag color={unit.status === 'active' ? 'success' : 'default'}>{t(`units.status.${unit.status}`)}</Tag>,
          },
          { key: 'households', label: t('units.overview.households'), children: households },
          { key: 'children', label: t('units.overview.children'), children: unit.childCount },
          {
            key: 'geometry',
            label: t('units.overview.geometry'),
            children: unit.hasGeometry ? t('units.overview.hasGeometry') : t('units.overview.noGeometry'),
          },
          { key: 'updatedAt', label: t('units.overview.updatedAt'), children: dayjs(unit.updatedAt).format('YYYY-MM-DD HH:mm') },
        ]}
      />
      <section aria-label={t('units.overview.warningsTitle')}>
        <Typography.Title level={5}>{t('units.overview.warningsTitle')}</Typography.Title>
        {!sized ? (
          <Typography.Text type="secondary">{t('units.overview.warningsInCoverage')}</Typography.Text>
        ) : warnings.length === 0 ? (
          <Alert type="success" showIcon title={t('units.overview.noWarnings')} />
        ) : (
          <SizingWarnings warnings={warnings} />
        )}
      </section>
    </Flex>
  );
}
