import { Badge, Tooltip, type BadgeProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useHealth, type HealthState } from '../api/get-readiness.ts';

const badgeStatus: Record<HealthState, NonNullable<BadgeProps['status']>> = {
  checking: 'processing',
  ok: 'success',
  databaseDown: 'error',
  offline: 'default',
};

/**
 * Header badge telling officials whether the system can be trusted to save their work. `compact`
 * (a phone's header): the coloured dot alone; the state stays in its accessible name and tooltip.
 */
export function HealthIndicator({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { state, checks, checkedAt } = useHealth();
  const label = t(`system.health.${state}`);

  const details = (
    <div>
      {state === 'offline' && <div>{t('system.health.offlineDetail')}</div>}
      {checks &&
        (['database', 'migrations'] as const).map((check) => (
          <div key={check}>
            {t(`system.health.checks.${check}`)}: {checks[check] ? t('system.health.pass') : t('system.health.fail')}
          </div>
        ))}
      {checkedAt > 0 && <div>{t('system.health.checkedAt', { time: dayjs(checkedAt).format('HH:mm:ss') })}</div>}
    </div>
  );

  return (
    <Tooltip title={details} placement="bottomRight">
      <span role="status" aria-live="polite" aria-label={`${t('system.health.label')}: ${label}`}>
        <Badge status={badgeStatus[state]} text={compact ? undefined : label} />
      </span>
    </Tooltip>
  );
}
