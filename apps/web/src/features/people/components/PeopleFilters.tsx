/**
 * The 人口 list's filter bar. A search runs on 查询 (or Enter), not per key: the ID number and
 * phone are exact matches that only make sense complete, and each search is a database query.
 */
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { PersonFlags, ResidenceTypes } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import type { PeopleFilterValues } from '../hooks/use-people-view.ts';

/** Any document's full number: a resident ID, a passport, a permit (the server tries each). */
const ID_NUMBER = /^[0-9A-Za-z]{5,20}$/;
const PHONE = /^1[3-9]\d{9}$/;

export function PeopleFilters({
  value,
  onSearch,
}: {
  value: PeopleFilterValues;
  onSearch: (values: PeopleFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PeopleFilterValues>();
  const empty: PeopleFilterValues = {};

  const submit = (values: PeopleFilterValues) => {
    const trimmed = { ...values };
    for (const key of ['q', 'idNumber', 'phone', 'address'] as const) trimmed[key] = values[key]?.trim() || undefined;
    if (trimmed.idNumber) trimmed.idNumber = trimmed.idNumber.toUpperCase();
    // A cleared InputNumber says null; the URL and the API know only absent.
    trimmed.ageMin = values.ageMin ?? undefined;
    trimmed.ageMax = values.ageMax ?? undefined;
    onSearch(trimmed);
  };

  return (
    <Form<PeopleFilterValues>
      // The URL is the truth: a new filter there (back, a link) starts the form from it.
      key={JSON.stringify(value)}
      form={form}
      layout="inline"
      initialValues={value}
      onFinish={submit}
      style={{ rowGap: 8 }}
      aria-label={t('people.filters.search')}
      data-testid="people-filters"
    >
      <Form.Item name="q" label={t('people.filters.name')} rules={[{ max: 30 }]}>
        <Input allowClear style={{ width: 150 }} placeholder={t('people.filters.namePlaceholder')} maxLength={30} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('people.filters.idNumber')}
        rules={[{ pattern: ID_NUMBER, message: t('people.filters.idNumberInvalid') }]}
      >
        <Input allowClear style={{ width: 190 }} placeholder={t('people.filters.idNumberPlaceholder')} maxLength={20} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('people.filters.phone')}
        rules={[{ pattern: PHONE, message: t('people.filters.phoneInvalid') }]}
      >
        <Input allowClear style={{ width: 140 }} placeholder={t('people.filters.phonePlaceholder')} maxLength={11} />
      </Form.Item>
      <Form.Item name="address" label={t('people.filters.address')}>
        <Input allowClear style={{ width: 160 }} placeholder={t('people.filters.addressPlaceholder')} maxLength={50} />
      </Form.Item>
      <Form.Item name="residenceType" label={t('people.filters.residenceType')}>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('people.filters.all')}
          options={ResidenceTypes.map((r) => ({ value: r, label: t(`people.residenceType.${r}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('people.filters.age')} style={{ marginInlineEnd: 16 }}>
        <Space.Compact>
          <Form.Item name="ageMin" noStyle>
            <InputNumber
              min={0}
              max={150}
              precision={0}
              style={{ width: 72 }}
              placeholder={t('people.filters.ageMinPlaceholder')}
              aria-label={t('people.filters.ageMin')}
            />
          </Form.Item>
          <Form.Item
            name="ageMax"
            noStyle
            dependencies={['ageMin']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, max: number | null | undefined) => {
                  const min = getFieldValue('ageMin') as number | null | undefined;
                  return min != null && max != null && min > max
                    ? Promise.reject(new Error(t('people.filters.ageRangeInvalid')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber
              min={0}
              max={150}
              precision={0}
              style={{ width: 72 }}
              placeholder={t('people.filters.ageMaxPlaceholder')}
              aria-label={t('people.filters.ageMax')}
            />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="flag" label={t('people.filters.flag')}>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('people.filters.all')}
          options={PersonFlags.map((f) => ({ value: f, label: t(`people.flag.${f}`) }))}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('people.filters.search')}
          </Button>
          <Button onClick={() => onSearch(empty)}>{t('people.filters.reset')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
