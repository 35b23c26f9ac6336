/**
 * Tickets for officials: a dense table (light, code, title, category, holder, time left, state,
 * reported). On a phone (< 576 px) the same rows become cards with big touch targets.
 */
import type { HTMLAttributes } from 'react';
import { Card, Flex, Pagination, Table, Typography, type TableColumnsType } from 'antd';
import type { TicketSummary } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNarrow } from '@/shared/hooks/use-narrow.ts';
import { chinaDateTime } from '@/shared/utils/china-time.ts';
import { ticketPath } from '../utils/paths.ts';
import { LightBadge, StateTag, TimeLeft } from './TicketBadges.tsx';

export interface TicketPaging {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

export interface TicketTableProps {
  items: TicketSummary[];
  loading: boolean;
  paging: TicketPaging;
  empty: string;
}

export function TicketTable(props: TicketTableProps) {
  return useNarrow() ? <TicketCards {...props} /> : <DenseTable {...props} />;
}

function DenseTable({ items, loading, paging, empty }: TicketTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<TicketSummary> = [
    { key: 'light', title: t('tickets.fields.light'), width: 80, render: (_, r) => <LightBadge light={r.light} /> },
    {
      key: 'code',
      title: t('tickets.fields.code'),
      width: 170,
      render: (_, r) => (
        <Link to={ticketPath(r.id)} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}>
          {r.code}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('tickets.fields.title'),
      ellipsis: true,
      render: (_, r) => (
        <Link to={ticketPath(r.id)} data-testid="ticket-title">
          {r.title}
        </Link>
      ),
    },
    { key: 'category', title: t('tickets.fields.category'), width: 140, ellipsis: true, render: (_, r) => r.category.name },
    { key: 'holder', title: t('tickets.fields.holder'), width: 150, ellipsis: true, render: (_, r) => r.holder.name },
    {
      key: 'timeLeft',
      title: t('tickets.fields.timeLeft'),
      width: 130,
      render: (_, r) => <TimeLeft workdaysLeft={r.workdaysLeft} />,
    },
    { key: 'state', title: t('tickets.fields.state'), width: 100, render: (_, r) => <StateTag state={r.state} /> },
    { key: 'receivedAt', title: t('tickets.fields.receivedAt'), width: 140, render: (_, r) => chinaDateTime(r.receivedAt) },
  ];
  return (
    <Table<TicketSummary>
      data-testid="ticket-table"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      columns={columns}
      scroll={{ x: 1000 }}
      locale={{ emptyText: empty }}
      onRow={(r) => ({ 'data-ticket-id': r.id, 'data-testid': 'ticket-row' }) as HTMLAttributes<HTMLElement>}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: paging.total,
        onChange: paging.onChange,
        showSizeChanger: false,
        size: 'small',
        showTotal: (n) => t('tickets.list.total', { n }),
      }}
    />
  );
}

function TicketCards({ items, loading, paging, empty }: TicketTableProps) {
  const { t } = useTranslation();
  if (!loading && items.length === 0) return <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph>;
  return (
    <Flex vertical gap={8} data-testid="ticket-cards">
      {items.map((r) => (
        <Link key={r.id} to={ticketPath(r.id)} style={{ color: 'inherit' }}>
          <Card
            size="small"
            hoverable
            styles={{ body: { minHeight: 44, padding: 12 } }}
            data-testid="ticket-row"
            data-ticket-id={r.id}
          >
            <Flex justify="space-between" align="center" gap={8}>
              <LightBadge light={r.light} />
              <StateTag state={r.state} />
            </Flex>
            <Typography.Text strong style={{ display: 'block', fontSize: 16, margin: '6px 0' }}>
              {r.title}
            </Typography.Text>
            <Flex justify="space-between" wrap gap={4}>
              <Typography.Text type="secondary">{r.category.name}</Typography.Text>
              <TimeLeft workdaysLeft={r.workdaysLeft} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.code} · {r.holder.name}
            </Typography.Text>
          </Card>
        </Link>
      ))}
      {paging.total > paging.pageSize && (
        <Pagination
          simple
          current={paging.page}
          pageSize={paging.pageSize}
          total={paging.total}
          onChange={paging.onChange}
          style={{ alignSelf: 'center', marginTop: 8 }}
        />
      )}
      {loading && <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>}
    </Flex>
  );
}
