/** The latest imports of a kind in the user's units, each openable in the wizard, with its error report. */
import { Alert, Button, Space, Table } from 'antd';
import type { ImportJob, ImportKindName } from '@wangge/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useRecentImports } from '../api/get-imports.ts';
import { formatCount } from '../utils/format.ts';
import { errorReportUrl } from '../utils/paths.ts';
import { ImportStatusTag } from './ImportStatusTag.tsx';

export function RecentImports({ kind, onOpen }: { kind: ImportKindName; onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const imports = useRecentImports(kind);
  const count = (key: 'rowsRead' | 'inserted' | 'updated' | 'rejected') => ({
    key,
    title: t(`imports.recent.fields.${key}`),
    width: 80,
    align: 'right' as const,
    render: (_: unknown, j: ImportJob) => formatCount(j[key], i18n.language),
  });

  if (imports.isError)
    return <Alert type="error" showIcon title={t('imports.recent.loadFailed')} description={errorMessage(imports.error)} />;
  return (
    <div data-testid="recent-imports">
      <Table<ImportJob>
        size="small"
        rowKey="id"
        loading={imports.isFetching}
        dataSource={imports.data ?? []}
        pagination={false}
        scroll={{ y: 360 }}
        locale={{ emptyText: t('imports.recent.empty') }}
        columns={[
          { key: 'fileName', title: t('imports.recent.fields.fileName'), dataIndex: 'fileName', ellipsis: true },
          {
            key: 'createdAt',
            title: t('imports.recent.fields.createdAt'),
            width: 140,
            render: (_, j) => dayjs(j.createdAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            key: 'mode',
            title: t('imports.recent.fields.mode'),
            width: 100,
            render: (_, j) => t(`imports.upload.${j.mode}`),
          },
          {
            key: 'status',
            title: t('imports.recent.fields.status'),
            width: 80,
            render: (_, j) => <ImportStatusTag job={j} />,
          },
          count('rowsRead'),
          count('inserted'),
          count('updated'),
          count('rejected'),
          {
            key: 'actions',
            title: t('common.actions'),
            width: 170,
            render: (_, j) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => onOpen(j.id)}>
                  {t('imports.recent.view')}
                </Button>
                {j.hasErrorReport && (
                  <Button type="link" size="small" href={errorReportUrl(j)} download>
                    {t('imports.result.errorReport')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
