/**
 * Every figure per group (category, channel or child unit), sortable, with the totals below. A
 * group's name and its ticket counts open the tickets list behind them; so does a click on the row.
 */
import { ZoomInOutlined } from '@ant-design/icons';
import { Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { HandlingLevels, type StatFigures } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatCount, formatDays, formatRate } from '../utils/format.ts';
import { compareFigures, countFilter, CountKeys, RateKeys, type CountKey } from '../utils/metrics.ts';
import { ticketListPath, type TicketListFilter } from '../utils/ticket-links.ts';

/** One line of the table: a group's figures and the tickets-list filter that selects its tickets. */
export interface StatLine {
  key: string;
  label: string;
  figures: StatFigures;
  filter: TicketListFilter | null;
  /** This page for the group's own unit (grouping by child unit). */
  drillTo?: string;
}

const num = { align: 'right' as const, width: 84 };
type Order = 'ascend' | 'descend' | null | undefined;

export function StatisticsTable({ lines, total, groupTitle }: { lines: StatLine[]; total: StatFigures; groupTitle: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  const countCell = (line: StatLine, key: CountKey) => {
    const value = formatCount(line.figures[key]);
    const extra = countFilter[key];
    return line.filter && extra && line.figures[key] > 0 ? (
      <Link to={ticketListPath({ ...line.filter, ...extra })}>{value}</Link>
    ) : (
      value
    );
  };

  const columns: TableColumnsType<StatLine> = [
    {
      key: 'name',
      title: groupTitle,
      fixed: 'left',
      width: 160,
      sorter: (a, b) => a.label.localeCompare(b.label, 'zh-CN'),
      render: (_, line) => (
        <Flex gap={6} align="center" justify="space-between">
          {line.filter ? <Link to={ticketListPath(line.filter)}>{line.label}</Link> : line.label}
          {line.drillTo && (
            <Link
              to={line.drillTo}
              aria-label={t('statistics.table.drill', { name: line.label })}
              title={t('statistics.table.drill', { name: line.label })}
            >
              <ZoomInOutlined />
            </Link>
          )}
        </Flex>
      ),
    },
    {
      key: 'counts',
      title: t('statistics.table.counts'),
      children: CountKeys.map((key) => ({
        key,
        title: t(`statistics.figure.${key}`),
        ...num,
        sorter: (a: StatLine, b: StatLine) => a.figures[key] - b.figures[key],
        render: (_: unknown, line: StatLine) => countCell(line, key),
      })),
    },
    {
      key: 'rates',
      title: t('statistics.table.rates'),
      children: RateKeys.map((key) => ({
        key,
        title: t(`statistics.figure.${key}`),
        ...num,
        width: 100,
        sorter: (a: StatLine, b: StatLine, order: Order) => compareFigures(a.figures[key], b.figures[key], order),
        render: (_: unknown, line: StatLine) => formatRate(line.figures[key]),
      })),
    },
    {
      key: 'avgWorkdaysToClose',
      title: t('statistics.figure.avgWorkdaysToClose'),
      ...num,
      width: 96,
      sorter: (a, b, order) => compareFigures(a.figures.avgWorkdaysToClose, b.figures.avgWorkdaysToClose, order),
      render: (_, line) => formatDays(line.figures.avgWorkdaysToClose),
    },
    {
      key: 'levels',
      title: t('statistics.levels.title'),
      children: HandlingLevels.map((level) => ({
        key: `level-${level}`,
        title: t(`statistics.level.${level}`),
        ...num,
        sorter: (a: StatLine, b: StatLine) => a.figures.levels[level] - b.figures.levels[level],
        render: (_: unknown, line: StatLine) => formatCount(line.figures.levels[level]),
      })),
    },
  ];

  // The total line's cells, in column order after the name column.
  const totalCells = [
    ...CountKeys.map((k) => formatCount(total[k])),
    ...RateKeys.map((k) => formatRate(total[k])),
    formatDays(total.avgWorkdaysToClose),
    ...HandlingLevels.map((l) => formatCount(total.levels[l])),
  ];

  return (
    <div data-testid="statistics-table">
      <Table<StatLine>
        size="small"
        bordered
        rowKey="key"
        columns={columns}
        dataSource={lines}
        pagination={false}
        scroll={{ x: 'max-content' }}
        showSorterTooltip={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('statistics.table.empty')} /> }}
        onRow={(line) => ({
          style: line.filter ? { cursor: 'pointer' } : undefined,
          onClick: (event) => {
            // A link inside the row goes where it says; the row itself opens the group's tickets.
            if (!line.filter || (event.target as HTMLElement).closest('a')) return;
            void navigate(ticketListPath(line.filter));
          },
        })}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row data-testid="statistics-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('statistics.table.total')}</Typography.Text>
              </Table.Summary.Cell>
              {totalCells.map((value, i) => (
                <Table.Summary.Cell key={i} index={i + 1} align="right">
                  <Typography.Text strong>{value}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </div>
  );
}
