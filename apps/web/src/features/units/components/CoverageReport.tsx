/**
 * The 覆盖 tab: one line per child with units by kind, staff by role, households and warnings,
 * a 本级 line for what is held at the unit itself, a total line, and the warnings found below.
 */
import { Alert, Empty, Flex, Spin, Table, Typography, type TableColumnsType } from 'antd';
import type { SizingWarning, Unit } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { UnitLink } from '@/shared/ui/UnitLink.tsx';
import { useCoverage } from '../api/get-coverage.ts';
import { useWarningText } from '../hooks/use-warning-text.ts';
import { coverageTable, type CoverageCounts, type CoverageLine } from '../utils/coverage-table.ts';

const num = { align: 'right' as const, width: 72 };

export function CoverageReport({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const warningText = useWarningText();
  const coverage = useCoverage(unit.id);

  if (coverage.isPending) return <Spin description={t('app.loading')} />;
  if (coverage.isError) return <Alert type="error" showIcon title={t('units.coverage.loadFailed')} />;
  const { kinds, roles, lines, total } = coverageTable(coverage.data);

  const warningCell = (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n);
  const columns: TableColumnsType<CoverageLine> = [
    {
      key: 'unit',
      title: t('units.coverage.unit'),
      fixed: 'left',
      width: 180,
      render: (_, line) =>
        line.unit ? (
          <Flex gap={6} align="center">
            <UnitLink id={line.unit.id}>{line.unit.name}</UnitLink>
            <UnitKindTag kind={line.unit.kind} />
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('units.coverage.own')}</Typography.Text>
        ),
    },
    ...(kinds.length > 0
      ? [
          {
            key: 'units',
            title: t('units.coverage.units'),
            children: kinds.map((kind) => ({
              key: `unit-${kind}`,
              title: t(`units.kind.${kind}`),
              ...num,
              render: (_: unknown, line: CoverageLine) => line.counts.units[kind] ?? 0,
            })),
          },
        ]
      : []),
    {
      key: 'staff',
      title: t('units.coverage.staff'),
      children: roles.map((role) => ({
        key: `role-${role}`,
        title: t(`staff.roles.${role}`),
        ...num,
        render: (_: unknown, line: CoverageLine) => line.counts.staff[role] ?? 0,
      })),
    },
    { key: 'households', title: t('units.coverage.households'), ...num, render: (_, line) => line.counts.households },
    { key: 'warnings', title: t('units.coverage.warnings'), ...num, render: (_, line) => warningCell(line.counts.warnings) },
  ];

  // The total line's cells, in column order after the name column.
  const totalCells = (counts: CoverageCounts) => [
    ...kinds.map((k) => counts.units[k] ?? 0),
    ...roles.map((r) => counts.staff[r] ?? 0),
    counts.households,
    counts.warnings,
  ];

  return (
    <Flex vertical gap={16}>
      <div data-testid="coverage-table">
        <Table<CoverageLine>
          size="small"
          bordered
          rowKey="key"
          columns={columns}
          dataSource={lines}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.coverage.noChildren')} /> }}
          summary={() => (
            <Table.Summary fixed>
              <Table.Summary.Row data-testid="coverage-total">
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('units.coverage.total')}</Typography.Text>
                </Table.Summary.Cell>
                {totalCells(total).map((value, i) => (
                  <Table.Summary.Cell key={i} index={i + 1} align="right">
                    <Typography.Text strong>{value}</Typography.Text>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
      </div>
      <section aria-label={t('units.coverage.warningsTitle')}>
        <Typography.Title level={5}>
          {t('units.coverage.warningsTitle')} ({total.warnings})
        </Typography.Title>
        {total.warnings > coverage.data.warnings.length && (
          <Typography.Paragraph type="secondary">
            {t('units.coverage.warningsPartial', { shown: coverage.data.warnings.length, n: total.warnings })}
          </Typography.Paragraph>
        )}
        <div data-testid="coverage-warnings">
          <Table<SizingWarning>
            size="small"
            rowKey={(w) => `${w.unitId}-${w.rule}`}
            dataSource={coverage.data.warnings}
            pagination={coverage.data.warnings.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
            locale={{ emptyText: t('units.coverage.noWarnings') }}
            columns={[
              {
                key: 'unit',
                title: t('units.coverage.unit'),
                width: 200,
                render: (_, w) => <UnitLink id={w.unitId}>{w.unitName}</UnitLink>,
              },
              { key: 'text', title: t('units.coverage.warning'), render: (_, w) => warningText(w, { withUnit: false }) },
            ]}
          />
        </div>
      </section>
    </Flex>
  );
}
