/** 导出 CSV / 导出 Excel: the people the current filters select, masked. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useExportPeople, type ExportFormat } from '../api/export-people.ts';
import type { PeopleFilter } from '../api/get-people.ts';

export function ExportButtons({ filter }: { filter: PeopleFilter }) {
  const { t } = useTranslation();
  const exportPeople = useExportPeople();
  const running = exportPeople.isPending ? exportPeople.variables.format : undefined;

  const button = (format: ExportFormat) => (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={running === format}
      disabled={running !== undefined && running !== format}
      onClick={() => exportPeople.mutate({ filter, format })}
    >
      {t(`people.export.${format}`)}
    </Button>
  );

  return (
    <Tooltip title={t('people.export.hint')}>
      <Space size={8} data-testid="people-export">
        {button('csv')}
        {button('xlsx')}
      </Space>
    </Tooltip>
  );
}
