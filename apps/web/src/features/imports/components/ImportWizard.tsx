/**
 * The 导入 tab: download a template, choose the unit and mode, upload; then the import's progress
 * (polled every second) and, when it ends, its counts and error report; below, recent imports.
 * The import being watched is `?job=` in the URL, so a reload keeps watching it.
 */
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '@/shared/api/error-message.ts';
import { isFinished, useImport } from '../api/get-import.ts';
import { recentImportsQueryOptions } from '../api/get-imports.ts';
import { templateUrl } from '../utils/paths.ts';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportResult } from './ImportResult.tsx';
import { ImportUpload } from './ImportUpload.tsx';
import { RecentImports } from './RecentImports.tsx';

function WatchedImport({ id, onDone }: { id: number; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const job = useImport(id);
  const finished = isFinished(job.data);

  // The recent list shows this import's final counts once it ends.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: recentImportsQueryOptions().queryKey });
  }, [finished, queryClient]);

  if (job.isError && !job.data)
    return <Alert type="error" showIcon title={t('imports.progress.loadFailed')} description={errorMessage(job.error)} />;
  if (!job.data) return null;
  return (
    <Flex vertical gap={12} align="flex-start">
      {finished ? <ImportResult job={job.data} /> : <ImportProgress job={job.data} />}
      {finished && (
        <Button size="small" onClick={onDone}>
          {t('imports.result.another')}
        </Button>
      )}
    </Flex>
  );
}

export interface ImportWizardProps {
  unitId: number | undefined;
  /** The unit picker, bound to `unitId` by the page. */
  unitPicker: ReactNode;
}

export function ImportWizard({ unitId, unitPicker }: ImportWizardProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const jobParam = params.get('job');
  const jobId = jobParam !== null && /^\d+$/.test(jobParam) ? Number(jobParam) : undefined;
  const watch = (id: number | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id === undefined) next.delete('job');
        else next.set('job', String(id));
        return next;
      },
      { replace: true },
    );

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('imports.template.title')}>
        <Flex vertical gap={8}>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={templateUrl('xlsx')} download>
              {t('imports.template.xlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} href={templateUrl('csv')} download>
              {t('imports.template.csv')}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t('imports.template.hint')}</Typography.Text>
        </Flex>
      </Card>
      <Card size="small" title={t('imports.upload.title')}>
        <Flex vertical gap={16}>
          <ImportUpload unitId={unitId} unitPicker={unitPicker} onStarted={(job) => watch(job.id)} />
          {jobId !== undefined && <WatchedImport key={jobId} id={jobId} onDone={() => watch(undefined)} />}
        </Flex>
      </Card>
      <Card size="small" title={t('imports.recent.title')}>
        <RecentImports onOpen={watch} />
      </Card>
    </Flex>
  );
}
