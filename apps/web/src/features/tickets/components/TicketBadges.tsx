/**
 * The small signs every ticket screen shows: the light (三色亮灯) as a coloured dot with its name,
 * so it reads without colour too; the working days left or late; the state as a tag.
 */
import { Tag, Typography } from 'antd';
import type { Light, TicketState } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';

export const lightColors: Record<Light, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };

export function LightBadge({ light }: { light: Light | null }) {
  const { t } = useTranslation();
  if (light === null) return <Typography.Text type="secondary">{t('tickets.light.none')}</Typography.Text>;
  return (
    <span data-testid="ticket-light" data-light={light} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <span
        aria-hidden
        style={{
          width: 10,
          height: 10,
          borderRadius: '50%',
          background: lightColors[light],
          display: 'inline-block',
          flex: 'none',
        }}
      />
      <span style={{ color: lightColors[light], whiteSpace: 'nowrap' }}>{t(`tickets.light.${light}`)}</span>
    </span>
  );
}

/** 剩 2 个工作日 / 超期 3 个工作日; on the due day the server says 1, and 0 once the deadline passed. */
export function TimeLeft({ workdaysLeft }: { workdaysLeft: number | null }) {
  const { t } = useTranslation();
  if (workdaysLeft === null) return <Typography.Text type="secondary">{t('tickets.timeLeft.done')}</Typography.Text>;
  const text =
    workdaysLeft > 0
      ? t('tickets.timeLeft.left', { n: workdaysLeft })
      : workdaysLeft === 0
        ? t('tickets.timeLeft.overdueToday')
        : t('tickets.timeLeft.overdue', { n: -workdaysLeft });
  return (
    <Typography.Text
      type={workdaysLeft > 0 ? undefined : 'danger'}
      data-testid="ticket-time-left"
      style={{ whiteSpace: 'nowrap' }}
    >
      {text}
    </Typography.Text>
  );
}

const stateColors: Record<TicketState, string> = {
  reported: 'orange',
  accepted: 'blue',
  assigned: 'geekblue',
  inProgress: 'processing',
  resolved: 'cyan',
  verified: 'cyan',
  closed: 'green',
  evaluated: 'success',
  rejected: 'default',
};

export function StateTag({ state }: { state: TicketState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColors[state]} data-testid="ticket-state" data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`tickets.state.${state}`)}
    </Tag>
  );
}
