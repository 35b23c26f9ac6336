import { Tag } from 'antd';
import type { ImportJob } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';

const statusColor: Record<ImportJob['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

export function ImportStatusTag({ status }: { status: ImportJob['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} style={{ marginInlineEnd: 0 }}>
      {t(`imports.status.${status}`)}
    </Tag>
  );
}
