/**
 * Picks a period: a preset (本月, 上月…) or any range of dates. The range always shows the dates
 * the preset stands for; changing them makes the period custom.
 */
import { DatePicker, Flex, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PeriodState } from '../hooks/use-period.ts';
import type { PeriodPreset } from '../utils/period.ts';

const FORMAT = 'YYYY-MM-DD';

export function PeriodPicker({ state, presets }: { state: PeriodState; presets: readonly PeriodPreset[] }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" wrap>
      <Segmented<PeriodPreset>
        size="small"
        value={state.preset}
        onChange={state.setPreset}
        options={presets.map((p) => ({ value: p, label: t(`statistics.period.${p}`) }))}
        aria-label={t('statistics.period.label')}
      />
      <DatePicker.RangePicker
        size="small"
        allowClear={false}
        format={FORMAT}
        value={[dayjs(state.period.from, FORMAT), dayjs(state.period.to, FORMAT)]}
        onChange={(range) => {
          const [from, to] = range ?? [];
          if (from && to) state.setRange({ from: from.format(FORMAT), to: to.format(FORMAT) });
        }}
        aria-label={t('statistics.period.range')}
        style={{ width: 230 }}
      />
    </Flex>
  );
}
