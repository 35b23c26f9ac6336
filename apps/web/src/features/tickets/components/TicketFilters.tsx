/** The 全部事件 filter bar; a search runs on 查询 (or Enter). The URL holds what it selects. */
import { Button, Checkbox, DatePicker, Form, Input, Select, Space, TreeSelect } from 'antd';
import { HandlingLevels, Lights, TicketChannels } from '@wangge/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { categoryTree, useCategories } from '../api/get-categories.ts';
import { TicketEvaluations, TicketResults, type TicketFilter } from '../api/get-tickets.ts';
import { STATE_FILTERS } from '../hooks/use-ticket-list-view.ts';

type Values = Omit<TicketFilter, 'from' | 'to' | 'within'> & { range?: [Dayjs, Dayjs] | null };

/** One of the bar's drop-downs: empty means 全部. */
function FilterSelect({
  name,
  label,
  width,
  options,
}: {
  name: keyof Values;
  label: string;
  width: number;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label}>
      <Select allowClear style={{ width }} placeholder={t('tickets.list.all')} aria-label={label} options={options} />
    </Form.Item>
  );
}

export function TicketFilters({ value, onSearch }: { value: TicketFilter; onSearch: (values: TicketFilter) => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const { within, from, to, ...rest } = value;
  const initial: Values = { ...rest, range: from && to ? [dayjs(from), dayjs(to)] : null };

  const submit = ({ range, ...values }: Values) =>
    onSearch({
      ...values,
      // The scope comes from the link that opened the list; the form keeps it.
      within,
      q: values.q?.trim() || undefined,
      from: range?.[0]?.format('YYYY-MM-DD'),
      to: range?.[1]?.format('YYYY-MM-DD'),
      supervised: values.supervised || undefined,
      selfResolved: values.selfResolved || undefined,
    });

  const all = t('tickets.list.all');
  return (
    <Form<Values>
      key={JSON.stringify(value)}
      layout="inline"
      initialValues={initial}
      onFinish={submit}
      style={{ rowGap: 8 }}
      aria-label={t('tickets.list.search')}
      data-testid="ticket-filters"
    >
      <Form.Item name="q" label={t('tickets.list.q')}>
        <Input allowClear style={{ width: 170 }} placeholder={t('tickets.list.qPlaceholder')} maxLength={50} />
      </Form.Item>
      <FilterSelect
        name="state"
        label={t('tickets.fields.state')}
        width={130}
        options={STATE_FILTERS.map((s) => ({ value: s, label: t(`tickets.state.${s}`) }))}
      />
      <FilterSelect
        name="light"
        label={t('tickets.fields.light')}
        width={90}
        options={Lights.map((l) => ({ value: l, label: t(`tickets.light.${l}`) }))}
      />
      <Form.Item name="categoryId" label={t('tickets.fields.category')}>
        <TreeSelect
          allowClear
          style={{ width: 180 }}
          placeholder={all}
          aria-label={t('tickets.fields.category')}
          treeData={categoryTree(categories.data ?? [])}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <FilterSelect
        name="channel"
        label={t('tickets.fields.channel')}
        width={130}
        options={TicketChannels.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) }))}
      />
      <FilterSelect
        name="level"
        label={t('tickets.fields.level')}
        width={120}
        options={HandlingLevels.map((l) => ({ value: l, label: t(`tickets.level.${l}`) }))}
      />
      <FilterSelect
        name="result"
        label={t('tickets.fields.result')}
        width={120}
        options={TicketResults.map((r) => ({ value: r, label: t(`tickets.result.${r}`) }))}
      />
      <FilterSelect
        name="evaluation"
        label={t('tickets.fields.evaluation')}
        width={150}
        options={TicketEvaluations.map((e) => ({
          value: e,
          label: e === 'any' ? t('tickets.list.evaluatedAny') : t(`tickets.rating.${e}`),
        }))}
      />
      <Form.Item name="range" label={t('tickets.list.dateRange')}>
        <DatePicker.RangePicker style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="supervised" valuePropName="checked">
        <Checkbox>{t('tickets.list.supervised')}</Checkbox>
      </Form.Item>
      <Form.Item name="selfResolved" valuePropName="checked">
        <Checkbox>{t('tickets.list.selfResolved')}</Checkbox>
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('tickets.list.search')}
          </Button>
          <Button onClick={() => onSearch({ within })}>{t('tickets.list.reset')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
