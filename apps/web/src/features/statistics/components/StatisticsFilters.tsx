/** The statistics filter bar: period, grouping, category and channel. The unit is picked by the page. */
import { Flex, Segmented, Select, TreeSelect, Typography } from 'antd';
import { TicketChannels, type Category } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import type { PeriodState } from '../hooks/use-period.ts';
import { Groupings, type Grouping, type StatisticsFilters as Filters } from '../hooks/use-statistics-view.ts';
import type { PeriodPreset } from '../utils/period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';

export interface StatisticsFiltersProps {
  period: PeriodState;
  presets: readonly PeriodPreset[];
  filters: Filters;
  categories: Category[];
  onChange: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
}

export function StatisticsFilters({ period, presets, filters, categories, onChange }: StatisticsFiltersProps) {
  const { t } = useTranslation();
  const label = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
  return (
    <Flex gap={16} align="center" wrap data-testid="statistics-filters">
      <Flex gap={8} align="center">
        {label(t('statistics.period.label'))}
        <PeriodPicker state={period} presets={presets} />
      </Flex>
      <Flex gap={8} align="center">
        {label(t('statistics.by.label'))}
        <Segmented<Grouping>
          size="small"
          value={filters.by}
          onChange={(by) => onChange('by', by)}
          options={Groupings.map((g) => ({ value: g, label: t(`statistics.by.${g}`) }))}
          aria-label={t('statistics.by.label')}
        />
      </Flex>
      <Flex gap={8} align="center">
        {label(t('statistics.filter.category'))}
        <TreeSelect<number | undefined>
          size="small"
          allowClear
          style={{ width: 160 }}
          value={filters.categoryId}
          onChange={(id) => onChange('categoryId', id ?? undefined)}
          placeholder={t('statistics.filter.all')}
          treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: 0 }}
          treeData={categories.map((c) => ({ id: c.id, pId: c.parentId ?? 0, value: c.id, title: c.name }))}
          treeDefaultExpandAll
          popupMatchSelectWidth={false}
          aria-label={t('statistics.filter.category')}
        />
      </Flex>
      <Flex gap={8} align="center">
        {label(t('statistics.filter.channel'))}
        <Select
          size="small"
          allowClear
          style={{ width: 130 }}
          value={filters.channel}
          onChange={(channel) => onChange('channel', channel ?? undefined)}
          placeholder={t('statistics.filter.all')}
          options={TicketChannels.map((c) => ({ value: c, label: t(`statistics.channel.${c}`) }))}
          aria-label={t('statistics.filter.channel')}
        />
      </Flex>
    </Flex>
  );
}
