/**
 * 相关事件 on a person's profile: the tickets that name the person among the people involved,
 * newest first, as far as the user may see tickets (the list's own scope applies).
 */
import { useState } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTickets } from '@/features/tickets/api/get-tickets.ts';
import { TicketTable } from '@/features/tickets/components/TicketTable.tsx';
import { errorMessage } from '@/shared/api/error-message.ts';

const PAGE = 10;

export function PersonTickets({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const tickets = useTickets({ personId, limit: PAGE, offset: (page - 1) * PAGE });
  if (tickets.isError)
    return <Alert type="error" showIcon title={t('people.profile.ticketsFailed')} description={errorMessage(tickets.error)} />;
  return (
    <div data-testid="person-tickets">
      <TicketTable
        items={tickets.data?.items ?? []}
        loading={tickets.isPending}
        paging={{ page, pageSize: PAGE, total: tickets.data?.total ?? 0, onChange: setPage }}
        empty={t('people.profile.ticketsNone')}
      />
    </div>
  );
}
