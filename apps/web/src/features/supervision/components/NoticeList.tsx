/**
 * The supervision notices (督办函) of a unit's subtree: number, ticket, the stage that ran late,
 * level, to whom it is addressed and how many working days late, newest first. Dispatchers can
 * run the deadline sweep from here.
 */
import type { HTMLAttributes } from 'react';
import { Alert, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { SupervisionLevels, type SupervisionLevel, type SupervisionNotice } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PeriodPicker } from '@/features/statistics/components/PeriodPicker.tsx';
import { chinaDateTime } from '@/shared/utils/china-time.ts';
import { ticketPath } from '@/features/statistics/utils/ticket-links.ts';
import { chinaDueTime } from '@/shared/utils/china-time.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useNotices } from '../api/get-notices.ts';
import { NOTICE_PAGE_SIZE, useNoticesView } from '../hooks/use-notices-view.ts';
import { SupervisionLevelTag } from './SupervisionLevelTag.tsx';
import { SweepButton } from './SweepButton.tsx';

export function NoticeList({ within, canSweep }: { within: number; canSweep: boolean }) {
  const { t } = useTranslation();
  const view = useNoticesView();
  const notices = useNotices({
    within,
    from: view.period.from,
    to: view.period.to,
    level: view.level,
    limit: NOTICE_PAGE_SIZE,
    offset: (view.page - 1) * NOTICE_PAGE_SIZE,
  });

  const columns: TableColumnsType<SupervisionNotice> = [
    {
      key: 'number',
      title: t('supervision.column.number'),
      width: 170,
      render: (_, n) => <span data-testid="notice-number">{n.number}</span>,
    },
    {
      key: 'ticket',
      title: t('supervision.column.ticket'),
      render: (_, n) => (
        <Flex vertical>
          <Link to={ticketPath(n.ticket.id)} data-testid="notice-ticket">
            {n.ticket.code}
          </Link>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260, fontSize: 12 }}>
            {n.ticket.title}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'stage',
      title: t('supervision.column.stage'),
      width: 110,
      render: (_, n) => <span data-testid="notice-stage">{t(`supervision.stage.${n.stage}`)}</span>,
    },
    { key: 'level', title: t('supervision.column.level'), width: 100, render: (_, n) => <SupervisionLevelTag level={n.level} /> },
    {
      key: 'addressedTo',
      title: t('supervision.column.addressedTo'),
      render: (_, n) => <span data-testid="notice-addressed-to">{n.addressedTo}</span>,
    },
    { key: 'unit', title: t('supervision.column.unit'), render: (_, n) => <span data-testid="notice-unit">{n.unit.name}</span> },
    {
      key: 'dueAt',
      title: t('supervision.column.dueAt'),
      width: 140,
      // A deadline ends at 24:00 of its day, as the ticket's own deadlines read.
      render: (_, n) => <span data-testid="notice-due-at">{chinaDueTime(n.dueAt)}</span>,
    },
    { key: 'issuedAt', title: t('supervision.column.issuedAt'), width: 140, render: (_, n) => chinaDateTime(n.issuedAt) },
    {
      key: 'workdaysLate',
      title: t('supervision.column.workdaysLate'),
      align: 'right',
      width: 96,
      render: (_, n) => (
        <Typography.Text type={n.workdaysLate > 0 ? 'danger' : undefined} data-testid="notice-workdays-late">
          {n.workdaysLate}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={16} align="center" wrap>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('statistics.period.label')}</Typography.Text>
          <PeriodPicker state={view} presets={view.presets} />
        </Flex>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('supervision.column.level')}</Typography.Text>
          <Select<SupervisionLevel>
            size="small"
            allowClear
            style={{ width: 120 }}
            value={view.level}
            onChange={(level) => view.setLevel(level ?? undefined)}
            placeholder={t('supervision.allLevels')}
            options={SupervisionLevels.map((l) => ({ value: l, label: t(`supervision.level.${l}`) }))}
            aria-label={t('supervision.column.level')}
          />
        </Flex>
        {canSweep && (
          <div style={{ marginInlineStart: 'auto' }}>
            <SweepButton />
          </div>
        )}
      </Flex>
      {notices.isError ? (
        <Alert type="error" showIcon title={t('supervision.loadFailed')} description={errorMessage(notices.error)} />
      ) : (
        <div data-testid="notice-list">
          <Table<SupervisionNotice>
            size="small"
            rowKey="id"
            onRow={(n) =>
              ({
                'data-testid': 'notice-row',
                'data-notice-id': n.id,
                'data-ticket-id': n.ticket.id,
              }) as HTMLAttributes<HTMLElement>
            }
            columns={columns}
            dataSource={notices.data?.items ?? []}
            loading={notices.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('supervision.empty') }}
            pagination={{
              current: view.page,
              pageSize: NOTICE_PAGE_SIZE,
              total: notices.data?.total ?? 0,
              showSizeChanger: false,
              size: 'small',
              showTotal: (n) => t('common.total', { n }),
              onChange: view.setPage,
            }}
          />
        </div>
      )}
    </Flex>
  );
}
