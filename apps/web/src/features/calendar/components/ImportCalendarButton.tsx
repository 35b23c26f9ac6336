/** Imports a year from a JSON or CSV file; the server says what is wrong with a refused file. */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Tooltip, Upload } from 'antd';
import type { CalendarYear } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useImportCalendar } from '../api/import-calendar.ts';

export function ImportCalendarButton({
  onImported,
  onError,
}: {
  onImported: (y: CalendarYear) => void;
  onError: (e: Error) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importer = useImportCalendar();
  return (
    <Tooltip title={t('calendar.import.hint')}>
      <Upload
        accept=".json,.csv,.txt,application/json,text/csv"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          importer.mutate(file, {
            onSuccess: (y) => {
              void message.success(t('calendar.import.done', { year: y.year }));
              onImported(y);
            },
            onError,
          });
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={importer.isPending}>
          {t('calendar.import.button')}
        </Button>
      </Upload>
    </Tooltip>
  );
}
