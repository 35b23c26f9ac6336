/**
 * The 地图 tab: the unit's children on a map, with a legend and a list of the same children
 * beside it. The list also serves keyboards, screen readers and children without a polygon.
 */
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { Alert, Empty, Flex, Spin, Tag, Typography } from 'antd';
import type { Unit } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { unitPath } from '@/shared/ui/UnitLink.tsx';
import { useUnitChildren } from '../api/get-unit-children.ts';
import { useUnitMap } from '../api/get-unit-map.ts';
import { householdSteps } from '../utils/household-scale.ts';

const UnitLeafletMap = lazy(() => import('./UnitLeafletMap.tsx').then((m) => ({ default: m.UnitLeafletMap })));

export function UnitMapPanel({ unit, tileUrl }: { unit: Unit; tileUrl: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mapQuery = useUnitMap(unit.id);
  const children = useUnitChildren(unit.id);

  const features = mapQuery.data?.features;
  const steps = useMemo(() => householdSteps((features ?? []).map((f) => f.properties.households)), [features]);
  const householdsOf = useMemo(
    () => new Map((features ?? []).map((f) => [f.properties.id, f.properties.households])),
    [features],
  );
  const describe = useCallback((name: string, households: number) => t('units.map.polygonLabel', { name, n: households }), [t]);
  const open = useCallback((id: number) => void navigate(unitPath(id, 'map')), [navigate]);

  if (mapQuery.isPending) return <Spin description={t('app.loading')} />;
  if (mapQuery.isError) return <Alert type="error" showIcon title={t('units.map.loadFailed')} />;
  const hasShapes = mapQuery.data.features.length > 0 || mapQuery.data.outline !== null;

  return (
    <Flex gap={16} align="stretch" wrap>
      <div style={{ flex: '1 1 480px', minWidth: 320, height: 560 }}>
        {hasShapes ? (
          <Suspense fallback={<Spin description={t('app.loading')} />}>
            <UnitLeafletMap
              map={mapQuery.data}
              steps={steps}
              tileUrl={tileUrl}
              label={t('units.map.label', { name: unit.name })}
              describe={describe}
              onOpen={open}
            />
          </Suspense>
        ) : (
          <Empty description={t('units.map.noShapes')} style={{ paddingTop: 120 }} />
        )}
      </div>
      <Flex vertical gap={12} style={{ flex: '0 0 240px' }}>
        {mapQuery.data.features.length > 0 && (
          <section aria-label={t('units.map.legend')}>
            <Typography.Text strong>{t('units.map.legend')}</Typography.Text>
            <Flex vertical gap={2} style={{ marginTop: 4 }}>
              {steps.map((s) => (
                <Flex key={s.color} gap={8} align="center">
                  <span
                    style={{ width: 16, height: 12, background: s.color, display: 'inline-block', border: '1px solid #ccc' }}
                  />
                  <Typography.Text style={{ fontSize: 12 }}>
                    {t('units.map.legendStep', { from: s.from, to: s.to })}
                  </Typography.Text>
                </Flex>
              ))}
            </Flex>
          </section>
        )}
        <section aria-label={t('units.map.children')}>
          <Typography.Text strong>{t('units.map.children')}</Typography.Text>
          {children.data && children.data.items.length === 0 && (
            <Typography.Paragraph type="secondary">{t('units.map.noChildren')}</Typography.Paragraph>
          )}
          <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0 0', maxHeight: 440, overflow: 'auto' }}>
            {children.data?.items.map((child) => (
              <li key={child.id} style={{ padding: '2px 0' }}>
                <Flex gap={6} align="center" justify="space-between">
                  <Link
                    to={unitPath(child.id, 'map')}
                    data-testid="map-child-link"
                    data-unit-id={child.id}
                    data-unit-name={child.name}
                  >
                    {child.name}
                  </Link>
                  {child.hasGeometry ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('units.map.households', { n: householdsOf.get(child.id) ?? 0 })}
                    </Typography.Text>
                  ) : (
                    <Tag>{t('units.map.noPolygon')}</Tag>
                  )}
                </Flex>
              </li>
            ))}
          </ul>
        </section>
      </Flex>
    </Flex>
  );
}
