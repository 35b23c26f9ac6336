/** A small map of a ticket's place (detail) or for picking it (report form); Leaflet loads lazily. */
import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import type { GeoPoint } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useUnitMap } from '@/features/units/api/get-unit-map.ts';

const PointMapCanvas = lazy(() => import('./PointMapCanvas.tsx').then((m) => ({ default: m.PointMapCanvas })));

export interface TicketMapProps {
  unitId: number | undefined;
  point: GeoPoint | null;
  onPick?: (point: GeoPoint) => void;
  tileUrl: string | null;
  height?: number;
}

export function TicketMap({ unitId, point, onPick, tileUrl, height = 240 }: TicketMapProps) {
  const { t } = useTranslation();
  const shapes = useUnitMap(unitId);
  if (unitId !== undefined && shapes.isPending) return <Spin size="small" />;
  const data = shapes.data ?? null;
  // Nothing to draw and nothing to pick: no empty grey box.
  if (!point && !onPick && !data?.outline && !data?.features.length) return null;
  return (
    <Suspense fallback={<Spin size="small" />}>
      <PointMapCanvas
        shapes={data}
        point={point}
        onPick={onPick}
        tileUrl={tileUrl}
        label={t('tickets.detail.map')}
        height={height}
      />
    </Suspense>
  );
}
