/** A running import: share of the file read, rows so far, speed and time left. */
import { Flex, Progress, Typography } from 'antd';
import type { ImportJob } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount, formatEta } from '../utils/format.ts';

export function ImportProgress({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const eta = formatEta(job.etaSeconds, t);
  const queued = job.status === 'queued';

  return (
    <Flex vertical gap={4} data-testid="import-progress" style={{ maxWidth: 720 }}>
      <Typography.Text strong>
        {queued ? t('imports.progress.queued') : t('imports.progress.running', { name: job.fileName })}
      </Typography.Text>
      <Progress percent={Math.floor(job.progress * 100)} status="active" aria-label={t('imports.progress.title')} size="small" />
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
