/**
 * A running import: share of the file read, rows so far, speed and time left; or, when it has made
 * no progress for five minutes (its server stopped), that it is interrupted, with 继续导入.
 */
import { Alert, Flex, Progress, Typography } from 'antd';
import type { ImportJob } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount, formatEta } from '../utils/format.ts';
import { ResumeImportButton } from './ResumeImportButton.tsx';

export function ImportProgress({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const eta = formatEta(job.etaSeconds, t);
  const queued = job.status === 'queued';

  return (
    <Flex vertical gap={4} data-testid="import-progress" style={{ maxWidth: 720 }}>
      <Typography.Text strong>
        {queued ? t('imports.progress.queued') : t('imports.progress.running', { name: job.fileName })}
      </Typography.Text>
      <Progress
        percent={Math.floor(job.progress * 100)}
        status={job.stalled ? 'exception' : 'active'}
        aria-label={t('imports.progress.title')}
        size="small"
      />
      {job.stalled && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-stalled"
          title={t('imports.resume.stalled')}
          description={t('imports.resume.stalledHint', { n: formatCount(job.rowsRead, i18n.language) })}
          action={<ResumeImportButton job={job} />}
        />
      )}
      <Flex gap={16} wrap>
        <Typography.Text>{t('imports.progress.rows', { n: formatCount(job.rowsRead, i18n.language) })}</Typography.Text>
        {job.rowsPerSecond !== null && (
          <Typography.Text type="secondary">
            {t('imports.progress.speed', { n: formatCount(Math.round(job.rowsPerSecond), i18n.language) })}
          </Typography.Text>
        )}
        {eta && <Typography.Text type="secondary">{eta}</Typography.Text>}
      </Flex>
    </Flex>
  );
}
