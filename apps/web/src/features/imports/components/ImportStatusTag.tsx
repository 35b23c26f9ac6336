import { Tag } from 'antd';
import type { ImportJob } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';

const statusColor: Record<ImportJob['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** The job's status; a running job without progress for five minutes shows as 中断 (its server stopped). */
export function ImportStatusTag({ job }: { job: Pick<ImportJob, 'status' | 'stalled'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={job.stalled ? 'warning' : statusColor[job.status]} style={{ marginInlineEnd: 0 }}>
      {job.stalled ? t('imports.status.stalled') : t(`imports.status.${job.status}`)}
    </Tag>
  );
}
