/** 继续导入: for an import whose runner stopped or failed; the rows already saved are not read again. */
import { RedoOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ImportJob } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useResumeImport } from '../api/resume-import.ts';

export function ResumeImportButton({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const resume = useResumeImport();
  if (!job.resumable) return null;
  return (
    <Flex gap={8} align="center" wrap>
      <Button icon={<RedoOutlined />} loading={resume.isPending} onClick={() => resume.mutate(job)} data-testid="import-resume">
        {t('imports.resume.button')}
      </Button>
      {resume.isError && <Typography.Text type="danger">{errorMessage(resume.error)}</Typography.Text>}
    </Flex>
  );
}
