/**
 * Where a reported matter is: a point from the phone's position or a click on the map of the
 * chosen unit. A form control (value = { lng, lat } or undefined); the unit is its own field.
 */
import { useState } from 'react';
import { AimOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { GeoPoint } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { TicketMap } from './TicketMap.tsx';

export interface LocationFieldProps {
  id?: string;
  value?: GeoPoint | undefined;
  onChange?: (value: GeoPoint | undefined) => void;
  unitId: number | undefined;
  tileUrl: string | null;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function LocationField({ id, value, onChange, unitId, tileUrl }: LocationFieldProps) {
  const { t } = useTranslation();
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const locate = () => {
    setLocating(true);
    setFailure(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onChange?.({ lng: round(pos.coords.longitude), lat: round(pos.coords.latitude) });
      },
      (error) => {
        setLocating(false);
        setFailure(t('tickets.report.locationFailed', { reason: error.message }));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <Flex vertical gap={8} id={id}>
      <Flex gap={8} align="center" wrap>
        {canLocate && (
          <Button icon={<AimOutlined />} onClick={locate} loading={locating} style={{ minHeight: 44 }}>
            {locating ? t('tickets.report.locating') : t('tickets.report.useMyLocation')}
          </Button>
        )}
        {value && (
          <>
            <Typography.Text data-testid="report-point">
              {t('tickets.report.locationSet', { lng: value.lng.toFixed(6), lat: value.lat.toFixed(6) })}
            </Typography.Text>
            <Button type="link" onClick={() => onChange?.(undefined)}>
              {t('tickets.report.clearLocation')}
            </Button>
          </>
        )}
      </Flex>
      {failure && <Typography.Text type="warning">{failure}</Typography.Text>}
      {unitId !== undefined && (
        <>
          <Typography.Text type="secondary">{t('tickets.report.mapHint')}</Typography.Text>
          <TicketMap unitId={unitId} point={value ?? null} onPick={(p) => onChange?.(p)} tileUrl={tileUrl} height={260} />
        </>
      )}
    </Flex>
  );
}
