/**
 * The operations the signed-in user may perform on this ticket now: only those the server lists in
 * `allowedOperations`, forward steps first. Each opens its form with the version shown.
 */
import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { TicketOperations, type Ticket, type TicketOperation } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { OperationModal } from './OperationModal.tsx';

// The step that moves the loop forward in each state stands out.
const FORWARD: readonly TicketOperation[] = ['accept', 'start', 'resolve', 'verify', 'close', 'evaluate', 'decideExtension'];
const BACKWARD: readonly TicketOperation[] = ['reject', 'return'];

export function OperationBar({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ op: TicketOperation; version: number } | null>(null);
  const allowed = TicketOperations.filter((op) => ticket.allowedOperations.includes(op));
  const ordered = [...allowed.filter((op) => FORWARD.includes(op)), ...allowed.filter((op) => !FORWARD.includes(op))];

  if (ordered.length === 0) return <Typography.Text type="secondary">{t('tickets.detail.noOperations')}</Typography.Text>;
  return (
    <>
      <Flex gap={8} wrap data-testid="ticket-operations">
        {ordered.map((op) => (
          <Button
            key={op}
            type={FORWARD.includes(op) ? 'primary' : 'default'}
            danger={BACKWARD.includes(op)}
            data-op={op}
            style={{ minHeight: 40 }}
            onClick={() => setOpen({ op, version: ticket.version })}
          >
            {t(`tickets.op.${op}`)}
          </Button>
        ))}
      </Flex>
      {open && <OperationModal ticket={ticket} op={open.op} version={open.version} onClose={() => setOpen(null)} />}
    </>
  );
}
