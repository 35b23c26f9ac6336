/**
 * A category's own deadlines: for each urgency and stage, an amount in working days or months, how
 * many working days before the due day the light turns yellow (empty: on the due day), and how many
 * working days a red stage stays red before its supervision is raised a level (empty: the default).
 */
import { Form, InputNumber, Select, Table } from 'antd';
import { SUPERVISION_STEP_WORKDAYS } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { STAGES, URGENCIES } from '../utils/category-form.ts';

interface Cell {
  key: string;
  urgency: (typeof URGENCIES)[number];
  stage: (typeof STAGES)[number];
}

const cells: Cell[] = URGENCIES.flatMap((urgency) => STAGES.map((stage) => ({ key: `${urgency}.${stage}`, urgency, stage })));

export function DeadlineRulesFields() {
  const { t } = useTranslation();
  const at = (c: Cell, field: string) => ['deadlines', c.urgency, c.stage, field];
  const label = (c: Cell, column: 'amount' | 'yellow' | 'supervisionStep') =>
    `${t(`tickets.urgency.${c.urgency}`)} ${t(`tickets.stage.${c.stage}`)} ${t(`categories.${column}`)}`;
  return (
    <Table<Cell>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={cells}
      data-testid="deadline-rules"
      columns={[
        { key: 'urgency', title: t('tickets.fields.urgency'), width: 90, render: (_, c) => t(`tickets.urgency.${c.urgency}`) },
        { key: 'stage', title: t('categories.stage'), width: 110, render: (_, c) => t(`tickets.stage.${c.stage}`) },
        {
          key: 'amount',
          title: t('categories.amount'),
          render: (_, c) => (
            <Form.Item name={at(c, 'amount')} rules={[{ required: true }]} noStyle>
              <InputNumber min={1} max={250} precision={0} style={{ width: 80 }} aria-label={label(c, 'amount')} />
            </Form.Item>
          ),
        },
        {
          key: 'unit',
          title: t('categories.unit'),
          width: 110,
          render: (_, c) => (
            <Form.Item name={at(c, 'unit')} noStyle>
              <Select
                style={{ width: 96 }}
                options={[
                  { value: 'workdays', label: t('categories.unitWorkdays') },
                  { value: 'months', label: t('categories.unitMonths') },
                ]}
              />
            </Form.Item>
          ),
        },
        {
          key: 'yellow',
          title: t('categories.yellow'),
          render: (_, c) => (
            <Form.Item name={at(c, 'yellow')} noStyle>
              <InputNumber min={0} max={30} precision={0} style={{ width: 80 }} placeholder="0" aria-label={label(c, 'yellow')} />
            </Form.Item>
          ),
        },
        {
          key: 'step',
          title: t('categories.supervisionStep'),
          render: (_, c) => (
            <Form.Item name={at(c, 'step')} noStyle>
              <InputNumber
                min={1}
                max={30}
                precision={0}
                style={{ width: 80 }}
                placeholder={String(SUPERVISION_STEP_WORKDAYS)}
                aria-label={label(c, 'supervisionStep')}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
