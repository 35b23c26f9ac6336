/** The 变更记录 tab: every change to the unit, with what it was before and after, and why. */
import type { ReactNode } from 'react';
import { Alert, Spin, Table, Tag, Typography } from 'antd';
import type { UnitHistoryEntry } from '@wangge/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { UnitLink } from '@/shared/ui/UnitLink.tsx';
import { useUnitHistory } from '../api/get-unit-history.ts';

const changeColor: Record<UnitHistoryEntry['change'], string> = {
  created: 'green',
  renamed: 'blue',
  moved: 'purple',
  retired: 'default',
  geometry: 'cyan',
};

type Values = Record<string, unknown> | null;

function asText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function ChangeDetail({ entry }: { entry: UnitHistoryEntry }) {
  const { t } = useTranslation();
  const before: Values = entry.before;
  const after: Values = entry.after;
  const value = (key: string, v: unknown): ReactNode => {
    if (v === null || v === undefined) return '—';
    if (key === 'parentId' && typeof v === 'number') return <UnitLink id={v}>{t('units.history.unitRef', { id: v })}</UnitLink>;
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    return asText(v);
  };
  switch (entry.change) {
    case 'renamed':
      return (
        <span>
          {value('name', before?.name)} → {value('name', after?.name)}
        </span>
      );
    case 'moved':
      return (
        <span>
          {t('units.history.parent')}: {value('parentId', before?.parentId)} → {value('parentId', after?.parentId)}
        </span>
      );
    case 'created':
      return <span>{t('units.history.createdAs', { name: asText(after?.name), code: asText(after?.code) })}</span>;
    case 'geometry':
      return (
        <span>
          {after && typeof after.issues === 'number' && after.issues > 0
            ? t('units.history.geometryIssues', { n: after.issues })
            : t('units.history.geometrySet')}
        </span>
      );
    default:
      return null;
  }
}

export function UnitHistory({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const history = useUnitHistory(unitId);
  if (history.isPending) return <Spin description={t('app.loading')} />;
  if (history.isError) return <Alert type="error" showIcon title={t('units.history.loadFailed')} />;
  return (
    <div data-testid="unit-history">
      <Table<UnitHistoryEntry>
        size="small"
        rowKey="id"
        dataSource={history.data}
        pagination={history.data.length > 50 ? { pageSize: 50, size: 'small' } : false}
        locale={{ emptyText: t('units.history.empty') }}
        columns={[
          { key: 'at', title: t('units.history.at'), width: 160, render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm') },
          {
            key: 'change',
            title: t('units.history.change'),
            width: 100,
            render: (_, e) => <Tag color={changeColor[e.change]}>{t(`units.history.changes.${e.change}`)}</Tag>,
          },
          { key: 'detail', title: t('units.history.detail'), render: (_, e) => <ChangeDetail entry={e} /> },
          {
            key: 'reason',
            title: t('units.history.reason'),
            render: (_, e) => e.reason ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
        ]}
      />
    </div>
  );
}
