/**
 * The person form's fields below the document: sex and birth date where the document lacks them,
 * the details officials keep (民族, 电话, 文化程度, 职业), and where the person belongs: the unit,
 * optionally a household of it and the relation to its head, care flags and address.
 */
import { useEffect } from 'react';
import { AutoComplete, Col, DatePicker, Divider, Form, Input, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Household } from '@wangge/contracts';
import { householdUnitKinds, PersonFlags } from '@wangge/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { HouseholdSelect } from '@/features/households/components/HouseholdSelect.tsx';
import { unitQueryOptions, useUnit } from '@/features/units/api/get-unit.ts';
import { UnitTreePicker } from '@/features/units/components/UnitTreePicker.tsx';
import { EDUCATION, ETHNICITIES, RELATIONS } from '../utils/person-vocabulary.ts';

const PHONE = /^1[3-9]\d{9}$/;
const half = { xs: 24, sm: 12 } as const;
const suggest = (values: readonly string[]) => values.map((value) => ({ value }));

/** 性别 and 出生日期, for a document that does not hold them. */
export function AskedFacts() {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col {...half}>
        <Form.Item name="sex" label={t('people.fields.sex')} rules={[{ required: true, message: t('people.form.required.sex') }]}>
          <Select
            aria-label={t('people.fields.sex')}
            options={(['male', 'female'] as const).map((s) => ({ value: s, label: t(`people.sex.${s}`) }))}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="birthDate"
          label={t('people.fields.birthDate')}
          rules={[{ required: true, message: t('people.form.required.birthDate') }]}
          // The form keeps YYYY-MM-DD, as the API takes it.
          getValueProps={(value?: string) => ({ value: value ? dayjs(value) : undefined })}
          normalize={(value?: Dayjs | null) => value?.format('YYYY-MM-DD')}
        >
          <DatePicker
            format="YYYY-MM-DD"
            placeholder={t('people.form.birthDatePlaceholder')}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

export interface PersonFormFieldsProps {
  /** The phone as loaded (masked when editing): kept as it is, it is not sent. */
  maskedPhone?: string | undefined;
  /** A household was picked: the person's unit becomes the household's. */
  onHouseholdPick: (household: Household | undefined) => void;
}

export function PersonFormFields({ maskedPhone, onHouseholdPick }: PersonFormFieldsProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const unitId = Form.useWatch<number | undefined>('unitId', form);
  const queryClient = useQueryClient();
  const unit = useUnit(unitId);
  const wrongKind = unit.data !== undefined && !householdUnitKinds.includes(unit.data.unit.kind);
  // Said at once (the scope is often a township or village), not only on saving.
  useEffect(() => {
    if (wrongKind) form.validateFields(['unitId']).catch(() => undefined);
  }, [wrongKind, form]);

  return (
    <>
      <Divider titlePlacement="start" size="small">
        {t('people.form.details')}
      </Divider>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="ethnicity" label={t('people.fields.ethnicity')} rules={[{ max: 20 }]}>
            <AutoComplete
              options={suggest(ETHNICITIES)}
              placeholder={t('people.form.ethnicityPlaceholder')}
              aria-label={t('people.fields.ethnicity')}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="phone"
            label={t('people.fields.phone')}
            extra={maskedPhone ? t('people.form.phoneMasked') : undefined}
            rules={[
              {
                validator: async (_, value?: string) => {
                  const v = value?.trim();
                  if (!v || v === maskedPhone || PHONE.test(v)) return;
                  throw new Error(t('people.form.phoneInvalid'));
                },
              },
            ]}
          >
            <Input
              inputMode="tel"
              maxLength={11}
              allowClear
              // A masked number is replaced whole, not edited digit by digit.
              onFocus={(e) => e.target.value === maskedPhone && e.target.select()}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="education" label={t('people.fields.education')} rules={[{ max: 20 }]}>
            <AutoComplete
              options={suggest(EDUCATION)}
              placeholder={t('people.form.educationPlaceholder')}
              aria-label={t('people.fields.education')}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="occupation" label={t('people.fields.occupation')} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" size="small">
        {t('people.form.belonging')}
      </Divider>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item
            name="unitId"
            label={t('people.fields.unit')}
            rules={[
              { required: true, message: t('people.form.required.unit') },
              {
                // The unit validated, not the one of the last render (the answer is cached).
                validator: async (_, value?: number) => {
                  if (value === undefined) return;
                  const { unit: chosen } = await queryClient.fetchQuery(unitQueryOptions(value));
                  if (!householdUnitKinds.includes(chosen.kind)) throw new Error(t('people.form.unitKind'));
                },
              },
            ]}
          >
            <UnitTreePicker aria-label={t('people.fields.unit')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="household" label={t('people.form.household')} extra={t('people.form.householdHint')}>
            <HouseholdSelect
              within={unitId}
              onPick={onHouseholdPick}
              aria-label={t('people.form.household')}
              placeholder={t('people.form.householdPlaceholder')}
              notFound={t('people.form.householdNone')}
              style={{ width: '100%' }}
              data-testid="person-form-household"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="relationToHead" label={t('people.fields.relationToHead')} rules={[{ max: 20 }]}>
            <AutoComplete
              options={suggest(RELATIONS)}
              placeholder={t('people.form.relationPlaceholder')}
              aria-label={t('people.fields.relationToHead')}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="flags" label={t('people.fields.flags')}>
            <Select
              mode="multiple"
              allowClear
              aria-label={t('people.fields.flags')}
              placeholder={t('people.form.flagsPlaceholder')}
              options={PersonFlags.map((f) => ({ value: f, label: t(`people.flag.${f}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('people.fields.address')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
