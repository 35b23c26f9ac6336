/**
 * The map of the unit's children coloured by a measure (open, red, per 1,000 people, on-time
 * rate), with its legend and the measure switch. A click on a child opens its dashboard; at a
 * village or grid the open tickets are dots coloured by light, a click opens the ticket. Off the
 * wall, the map with its legend can be saved as a PNG like any chart.
 */
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Segmented, Spin, Typography } from 'antd';
import type { Dashboard } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSystemInfo } from '@/features/system/api/get-system-info.ts';
import { useUnitMap } from '@/features/units/api/get-unit-map.ts';
import { useDisplay } from '../hooks/use-display.ts';
import { childStyles } from '../utils/child-styles.ts';
import { ticketPath } from '../utils/links.ts';
import { saveMapPng } from '../utils/map-png.ts';
import { WALL_BACKGROUND } from '../utils/colors.ts';
import { Measures, type Measure } from '../utils/measure.ts';
import { MapLegend } from './MapLegend.tsx';

const CommandMap = lazy(() => import('./CommandMap.tsx'));

export interface MapPanelProps {
  data: Dashboard;
  measure: Measure;
  onMeasure: (measure: Measure) => void;
  onOpen: (unitId: number) => void;
  height: number;
}

export function MapPanel({ data, measure, onMeasure, onOpen, height }: MapPanelProps) {
  const { t } = useTranslation();
  const { wall } = useDisplay();
  const navigate = useNavigate();
  const shapes = useUnitMap(data.unit.id);
  const tileUrl = useSystemInfo().data?.mapTileUrl ?? null;

  const describe = useCallback(
    (name: string, value: string) =>
      t('commandCenter.map.polygonLabel', { name, measure: t(`commandCenter.measure.${measure}`), value }),
    [t, measure],
  );
  const { steps, styles } = useMemo(() => childStyles(data.children, measure, describe), [data.children, measure, describe]);
  const openTicket = useCallback((id: number) => void navigate(ticketPath(id)), [navigate]);
  const hasShapes = shapes.data !== undefined && (shapes.data.features.length > 0 || shapes.data.outline !== null);
  const unmapped = data.children.filter((c) => !c.hasGeometry).length;
  const drawing = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const mapTitle = t('commandCenter.map.title');
  const save = () => {
    if (!drawing.current) return;
    setSaving(true);
    const name = `${data.unit.name}-${mapTitle}-${t(`commandCenter.measure.${measure}`)}`;
    saveMapPng(drawing.current, name, wall ? WALL_BACKGROUND : '#fff')
      .catch(() => void message.error(t('commandCenter.map.saveFailed')))
      .finally(() => setSaving(false));
  };

  let map;
  if (shapes.isPending) map = <Spin description={t('app.loading')} />;
  else if (shapes.isError) map = <Alert type="warning" showIcon title={t('commandCenter.map.loadFailed')} />;
  else if (!hasShapes) map = <Empty description={t('commandCenter.map.noShapes')} style={{ paddingTop: height / 3 }} />;
  else
    map = (
      <Suspense fallback={<Spin description={t('app.loading')} />}>
        <CommandMap
          shapes={shapes.data}
          styles={styles}
          points={data.points}
          tileUrl={tileUrl}
          dark={wall}
          label={t('commandCenter.map.label', { name: data.unit.name })}
          onOpen={onOpen}
          onPoint={openTicket}
        />
      </Suspense>
    );

  return (
    <Flex vertical gap={8} style={{ height: '100%' }} data-testid="cc-map-panel">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong style={{ fontSize: wall ? 20 : 14 }}>
          {mapTitle}
        </Typography.Text>
        <Flex gap={4} align="center">
          <Segmented<Measure>
            size={wall ? 'middle' : 'small'}
            value={measure}
            onChange={onMeasure}
            options={Measures.map((m) => ({ value: m, label: t(`commandCenter.measure.${m}`) }))}
            aria-label={t('commandCenter.map.measure')}
          />
          {!wall && hasShapes && (
            <Button
              size="small"
              type="text"
              icon={<DownloadOutlined />}
              loading={saving}
              onClick={save}
              data-testid="cc-map-png"
              aria-label={t('statistics.charts.savePngOf', { title: mapTitle })}
              title={t('statistics.charts.savePng')}
            />
          )}
        </Flex>
      </Flex>
      <div ref={drawing} style={{ position: 'relative', flex: 1, minHeight: height }}>
        <div style={{ position: 'absolute', inset: 0 }}>{map}</div>
        {(data.children.length > 0 || data.points !== null) && (
          <div
            style={{
              position: 'absolute',
              left: 8,
              bottom: 8,
              zIndex: 500,
              padding: '6px 10px',
              fontSize: wall ? 15 : 12,
              borderRadius: 4,
              background: wall ? 'rgba(11, 26, 46, 0.85)' : 'rgba(255, 255, 255, 0.9)',
            }}
          >
            <MapLegend measure={measure} steps={data.children.length > 0 ? steps : []} showPoints={data.points !== null} />
          </div>
        )}
      </div>
      {unmapped > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('commandCenter.map.unmapped', { n: unmapped })}
        </Typography.Text>
      )}
    </Flex>
  );
}
