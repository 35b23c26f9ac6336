/**
 * The circular (通报) of a week or month: per child unit, how many supervision notices it drew,
 * the yellow and red cards among them, the tickets still red, and the tickets themselves.
 */
import type { HTMLAttributes } from 'react';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PeriodPicker } from '@/features/statistics/components/PeriodPicker.tsx';
import { usePeriod } from '@/features/statistics/hooks/use-period.ts';
import { ticketPath } from '@/features/statistics/utils/ticket-links.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useCircular, type CircularRow } from '../api/get-circular.ts';

const CIRCULAR_PRESETS = ['thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'custom'] as const;
const num = { align: 'right' as const, width: 90 };
const COUNTS = ['notices', 'yellowCards', 'redCards', 'stillRed'] as const;

function Tickets({ row }: { row: CircularRow }) {
  return (
    <Flex gap={4} wrap>
      {row.tickets.map((ticket, i) => (
        <span key={ticket.id}>
          <Link to={ticketPath(ticket.id)} title={ticket.title} data-testid="circular-ticket" data-ticket-id={ticket.id}>
            {ticket.code}
          </Link>
          {i < row.tickets.length - 1 ? '、' : ''}
        </span>
      ))}
    </Flex>
  );
}

export function CircularReport({ within }: { within: number }) {
  const { t } = useTranslation();
  const period = usePeriod(CIRCULAR_PRESETS, 'thisMonth');
  const circular = useCircular({ within, ...period.period });

  const countCell = (row: CircularRow, key: (typeof COUNTS)[number]) => {
    const n = row[key];
    const alarm = n > 0 && (key === 'redCards' || key === 'stillRed');
    return (
      <Typography.Text
        type={alarm ? 'danger' : n > 0 && key === 'yellowCards' ? 'warning' : undefined}
        data-testid={`circular-${key}`}
      >
        {n}
      </Typography.Text>
    );
  };

  const columns: TableColumnsType<CircularRow> = [
    { key: 'unit', title: t('supervision.circular.unit'), width: 160, render: (_, r) => r.unit.name },
    ...COUNTS.map((key) => ({
      key,
      title: t(`supervision.circular.${key}`),
      ...num,
      sorter: (a: CircularRow, b: CircularRow) => a[key] - b[key],
      render: (_: unknown, r: CircularRow) => countCell(r, key),
    })),
    { key: 'tickets', title: t('supervision.circular.tickets'), render: (_, r) => <Tickets row={r} /> },
  ];

  const rows = circular.data?.rows ?? [];
  const totals = COUNTS.map((key) => rows.reduce((sum, r) => sum + r[key], 0));

  return (
    <Flex vertical gap={12}>
      <Flex gap={16} align="center" wrap>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('statistics.period.label')}</Typography.Text>
          <PeriodPicker state={period} presets={CIRCULAR_PRESETS} />
        </Flex>
        <Button size="small" icon={<PrinterOutlined />} onClick={() => window.print()} style={{ marginInlineStart: 'auto' }}>
          {t('supervision.circular.print')}
        </Button>
      </Flex>
      <Typography.Title level={5} style={{ margin: 0, textAlign: 'center' }} data-testid="circular-title">
        {t('supervision.circular.title', { from: period.period.from, to: period.period.to })}
      </Typography.Title>
      {circular.isPending ? (
        <Spin description={t('app.loading')} />
      ) : circular.isError ? (
        <Alert type="error" showIcon title={t('supervision.loadFailed')} description={errorMessage(circular.error)} />
      ) : (
        <div data-testid="circular-table">
          <Table<CircularRow>
            size="small"
            bordered
            rowKey={(r) => r.unit.id}
            onRow={(r) => ({ 'data-testid': 'circular-row', 'data-unit-id': r.unit.id }) as HTMLAttributes<HTMLElement>}
            columns={columns}
            dataSource={rows}
            pagination={false}
            showSorterTooltip={false}
            locale={{ emptyText: t('supervision.circular.empty') }}
            summary={() =>
              rows.length > 1 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('statistics.table.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  {totals.map((n, i) => (
                    <Table.Summary.Cell key={i} index={i + 1} align="right">
                      <Typography.Text strong>{n}</Typography.Text>
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={COUNTS.length + 1} />
                </Table.Summary.Row>
              ) : null
            }
          />
        </div>
      )}
    </Flex>
  );
}
