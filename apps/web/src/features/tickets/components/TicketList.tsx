/** 全部事件: every ticket in the user's scope, filtered and sorted as the URL says. */
import { Alert, Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useTickets, type TicketSort } from '../api/get-tickets.ts';
import { useUnit } from '@/features/units/api/get-unit.ts';
import { TICKET_SORTS, useTicketListView } from '../hooks/use-ticket-list-view.ts';
import { TicketFilters } from './TicketFilters.tsx';
import { TicketTable } from './TicketTable.tsx';

export const LIST_PAGE_SIZE = 50;

export function TicketList() {
  const { t } = useTranslation();
  const { filter, sort, page, setFilter, setSort, setPage } = useTicketListView();
  const tickets = useTickets({ ...filter, sort, limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE });
  const within = useUnit(filter.within);

  return (
    <Flex vertical gap={12} data-testid="ticket-list">
      <TicketFilters value={filter} onSearch={setFilter} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          {filter.within !== undefined && (
            <Tag
              closable
              closeIcon
              onClose={() => setFilter({ ...filter, within: undefined })}
              aria-label={t('tickets.list.clearWithin')}
            >
              {t('tickets.list.within', { name: within.data?.unit.name ?? '…' })}
            </Tag>
          )}
        </div>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('tickets.list.sort')}</Typography.Text>
          <Select<TicketSort>
            value={sort ?? '-receivedAt'}
            onChange={setSort}
            style={{ width: 130 }}
            aria-label={t('tickets.list.sort')}
            options={TICKET_SORTS.map((s) => ({ value: s, label: t(`tickets.list.sortBy.${s}`) }))}
          />
        </Flex>
      </Flex>
      {tickets.isError ? (
        <Alert type="error" showIcon title={t('tickets.list.loadFailed')} description={errorMessage(tickets.error)} />
      ) : (
        <TicketTable
          items={tickets.data?.items ?? []}
          loading={tickets.isFetching}
          empty={t('tickets.list.empty')}
          paging={{ page, pageSize: LIST_PAGE_SIZE, total: tickets.data?.total ?? 0, onChange: setPage }}
        />
      )}
    </Flex>
  );
}
