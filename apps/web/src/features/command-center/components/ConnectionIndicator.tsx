/** A small dot saying whether live updates arrive: connected, reconnecting, or lost (retrying). */
import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StreamStatus } from '@/shared/hooks/use-ticket-stream.ts';

const badge = { open: 'success', connecting: 'processing', closed: 'error' } as const;

export function ConnectionIndicator({ status, wall = false }: { status: StreamStatus; wall?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`commandCenter.live.hint.${status}`)}>
      <span data-testid="cc-live" data-status={status} style={{ fontSize: wall ? 16 : 13, whiteSpace: 'nowrap' }}>
        <Badge status={badge[status]} text={t(`commandCenter.live.${status}`)} />
      </span>
    </Tooltip>
  );
}
