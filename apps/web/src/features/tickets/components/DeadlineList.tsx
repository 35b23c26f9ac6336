/**
 * The 13710 deadlines of a ticket, one row per stage: due time (China time, 24:00 for the end of a
 * day), its light, working days left or late, and the first deadline when consultation or an
 * extension moved it.
 */
import { Alert, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { StageDeadline } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { chinaDateTime, chinaDueTime } from '@/shared/utils/china-time.ts';
import { LightBadge, TimeLeft } from './TicketBadges.tsx';

export function DeadlineList({ deadlines, calendarWarning }: { deadlines: StageDeadline[]; calendarWarning: string | null }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<StageDeadline> = [
    { key: 'stage', title: t('tickets.detail.deadlines'), width: 100, render: (_, d) => t(`tickets.stage.${d.stage}`) },
    {
      key: 'dueAt',
      title: t('tickets.fields.dueAt'),
      render: (_, d) => (
        <Flex vertical>
          <span>{chinaDueTime(d.dueAt)}</span>
          {d.originalDueAt !== d.dueAt && (
            <Typography.Text type="secondary" delete style={{ fontSize: 12 }}>
              {t('tickets.detail.originalDue', { due: chinaDueTime(d.originalDueAt) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'light', title: t('tickets.fields.light'), width: 80, render: (_, d) => <LightBadge light={d.light} /> },
    {
      key: 'left',
      title: t('tickets.fields.timeLeft'),
      width: 160,
      render: (_, d) =>
        d.doneAt ? (
          <Typography.Text type="secondary">{t('tickets.detail.doneAt', { at: chinaDateTime(d.doneAt) })}</Typography.Text>
        ) : (
          <TimeLeft workdaysLeft={d.workdaysLeft} />
        ),
    },
  ];
  return (
    <Flex vertical gap={8} data-testid="ticket-deadlines">
      {calendarWarning && (
        <Alert
          type="warning"
          showIcon
          title={t('tickets.detail.calendarWarning', { text: calendarWarning })}
          data-testid="calendar-warning"
        />
      )}
      <Table<StageDeadline>
        size="small"
        rowKey="stage"
        pagination={false}
        dataSource={deadlines}
        columns={columns}
        locale={{ emptyText: t('tickets.detail.noDeadlines') }}
        onRow={(d) => ({ 'data-stage': d.stage }) as object}
      />
    </Flex>
  );
}
