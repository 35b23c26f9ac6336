/**
 * The 导入 tab: choose what to import (人口 or 房屋), download its template, choose the unit and
 * mode, upload; then the import's progress (polled every second) and, when it ends, its counts and
 * error report; below, recent imports of that kind. What is imported is `?kind=` in the URL (people
 * when absent) and the import being watched `?job=`, so a reload keeps both.
 */
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Radio, Space, Typography } from 'antd';
import type { ImportKindName } from '@wangge/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '@/shared/api/error-message.ts';
import { isFinished, useImport } from '../api/get-import.ts';
import { recentImportsQueryOptions } from '../api/get-imports.ts';
import { isImportKind, templateUrl } from '../utils/paths.ts';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportResult } from './ImportResult.tsx';
import { ImportUpload } from './ImportUpload.tsx';
import { RecentImports } from './RecentImports.tsx';

const templateHints = { people: 'imports.template.hint', houses: 'imports.houses.templateHint' } as const;

function WatchedImport({ kind, id, onDone }: { kind: ImportKindName; id: number; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const job = useImport(kind, id);
  const finished = isFinished(job.data);

  // The recent list shows this import's final counts once it ends.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: recentImportsQueryOptions(kind).queryKey });
  }, [finished, kind, queryClient]);

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
  const kindParam = params.get('kind');
  const kind: ImportKindName = isImportKind(kindParam) ? kindParam : 'people';
  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );
  const watch = (id: number | undefined) =>
    update((next) => (id === undefined ? next.delete('job') : next.set('job', String(id))));
  // Another kind: its own template, hints and recent imports; the import watched was of the other kind.
  const choose = (value: ImportKindName) =>
    update((next) => {
      next.delete('job');
      if (value === 'people') next.delete('kind');
      else next.set('kind', value);
    });

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text strong>{t('imports.kind.label')}</Typography.Text>
        <Radio.Group
          data-testid="import-kind"
          optionType="button"
          buttonStyle="solid"
          value={kind}
          onChange={(e) => choose(e.target.value as ImportKindName)}
          options={[
            { value: 'people', label: t('imports.kind.people') },
            { value: 'houses', label: t('imports.kind.houses') },
          ]}
        />
      </Flex>
      <Card size="small" title={t('imports.template.title')}>
        <Flex vertical gap={8}>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={templateUrl(kind, 'xlsx')} download>
              {t('imports.template.xlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} href={templateUrl(kind, 'csv')} download>
              {t('imports.template.csv')}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t(templateHints[kind])}</Typography.Text>
        </Flex>
      </Card>
      <Card size="small" title={t('imports.upload.title')}>
        <Flex vertical gap={16}>
          <ImportUpload key={kind} kind={kind} unitId={unitId} unitPicker={unitPicker} onStarted={(job) => watch(job.id)} />
          {jobId !== undefined && (
            <WatchedImport key={`${kind}-${jobId}`} kind={kind} id={jobId} onDone={() => watch(undefined)} />
          )}
        </Flex>
      </Card>
      <Card size="small" title={t('imports.recent.title')}>
        <RecentImports kind={kind} onOpen={watch} />
      </Card>
    </Flex>
  );
}
