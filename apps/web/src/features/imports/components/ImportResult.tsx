/**
 * A finished (or stopped) import: rows read, added, updated and not imported, which add up; and
 * the error report with the rejected rows and their reasons, to fix and import again.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Statistic, Typography } from 'antd';
import type { ImportJob } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { chinaDateTime } from '@/shared/utils/china-time.ts';
import { errorReportUrl } from '../utils/paths.ts';
import { formatCount } from '../utils/format.ts';
import { ResumeImportButton } from './ResumeImportButton.tsx';

export function ImportResult({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatCount(value, i18n.language);
  const failed = job.status === 'failed';
  const addsUp = job.inserted + job.updated + job.rejected === job.rowsRead;

  return (
    <Flex vertical gap={12} data-testid="import-result" style={{ maxWidth: 720 }}>
      <Alert
        type={failed ? 'error' : job.rejected > 0 ? 'warning' : 'success'}
        showIcon
        title={failed ? t('imports.result.failed', { name: job.fileName }) : t('imports.result.done', { name: job.fileName })}
        description={
          failed ? (
            <>
              {job.message && <div>{job.message}</div>}
              <div>{t('imports.result.failedHint')}</div>
            </>
          ) : undefined
        }
        action={failed ? <ResumeImportButton job={job} /> : undefined}
      />
      <Flex gap={32} wrap>
        <Statistic title={t('imports.result.rowsRead')} value={job.rowsRead} data-testid="import-rows-read" />
        <Statistic title={t('imports.result.inserted')} value={job.inserted} data-testid="import-inserted" />
        <Statistic title={t('imports.result.updated')} value={job.updated} data-testid="import-updated" />
        <Statistic
          title={t('imports.result.rejected')}
          value={job.rejected}
          data-testid="import-rejected"
          styles={job.rejected > 0 ? { content: { color: '#cf1322' } } : undefined}
        />
      </Flex>
      <Typography.Text data-testid="import-sum">
        {t('imports.result.sum', {
          inserted: n(job.inserted),
          updated: n(job.updated),
          rejected: n(job.rejected),
          rowsRead: n(job.rowsRead),
        })}
      </Typography.Text>
      {!addsUp && !failed && <Typography.Text type="warning">{t('imports.result.mismatch')}</Typography.Text>}
      {job.hasErrorReport ? (
        <Flex gap={12} align="center" wrap>
          <Button type="primary" icon={<DownloadOutlined />} href={errorReportUrl(job)} download>
            {t('imports.result.errorReport')}
          </Button>
          <Typography.Text type="secondary">
            {t('imports.result.errorReportHint')}
            {job.errorReportUntil && t('imports.result.errorReportUntil', { at: chinaDateTime(job.errorReportUntil) })}
          </Typography.Text>
        </Flex>
      ) : job.rejected > 0 ? (
        // The rejected rows hold ID numbers: they are deleted when the retention ends.
        <Typography.Text type="secondary" data-testid="error-report-purged">
          {t('imports.result.errorReportPurged')}
        </Typography.Text>
      ) : (
        !failed && <Typography.Text type="success">{t('imports.result.allImported')}</Typography.Text>
      )}
    </Flex>
  );
}
