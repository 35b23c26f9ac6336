/**
 * The person form, in a drawer: 登记人员 (register one person) and 编辑 (edit one). Registering takes
 * the document: the residence type decides which documents may be used, and a resident ID shows
 * the sex, birth date and age it holds as it is typed. Editing shows the document read-only and
 * masked, sends only what changed with the version read, and when someone saved in between (409)
 * says so and reloads the latest values with the user's changes kept on top.
 */
import { useRef, useState } from 'react';
import { Alert, App, Button, Col, Divider, Drawer, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { ErrorCode, ResidenceTypes, type Household, type Person, type PersonProfile } from '@wangge/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { householdLabel } from '@/features/households/components/HouseholdSelect.tsx';
import { useCreatePerson } from '../api/create-person.ts';
import { personQueryOptions } from '../api/get-person.ts';
import { useUpdatePerson } from '../api/update-person.ts';
import { idTypesFor } from '../utils/id-document.ts';
import { placePersonFieldErrors } from '../utils/person-field-errors.ts';
import {
  asksFacts,
  changedKeys,
  emptyPersonValues,
  FORM_FIELDS,
  personValues,
  toPersonInput,
  toPersonUpdate,
  type PersonFormValues,
} from '../utils/person-form.ts';
import { DocumentReading } from './DocumentReading.tsx';
import { AskedFacts, PersonFormFields } from './PersonFormFields.tsx';

export type PersonFormMode = { kind: 'create'; unitId: number | undefined } | { kind: 'edit'; profile: PersonProfile };

const half = { xs: 24, sm: 12 } as const;

const valuesOf = (profile: PersonProfile) =>
  personValues(profile.person, profile.household ? householdLabel(profile.household) : undefined);

interface Baseline {
  values: PersonFormValues;
  version: number;
}

function PersonFormBody({ mode, onClose, onSaved }: Omit<PersonFormDrawerProps, 'open'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PersonFormValues>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const editing = mode.kind === 'edit' ? mode.profile.person : null;
  const [baseline, setBaseline] = useState<Baseline>(() =>
    mode.kind === 'edit'
      ? { values: valuesOf(mode.profile), version: mode.profile.person.version }
      : { values: emptyPersonValues(mode.unitId), version: 0 },
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  // The unit of the household chosen: the person's unit must be it (the server checks).
  const householdUnit = useRef<number | undefined>(editing?.householdId ? editing.unit.id : undefined);
  const residenceType = Form.useWatch('residenceType', form);
  const idType = Form.useWatch('idType', form) ?? baseline.values.idType;
  const idNumber = Form.useWatch('idNumber', form);

  const pickHousehold = (household: Household | undefined) => {
    householdUnit.current = household?.unit.id;
    if (household && household.unit.id !== form.getFieldValue('unitId')) form.setFieldValue('unitId', household.unit.id);
  };

  const onValuesChange = (changed: PersonFormValues) => {
    // Another unit leaves a household of the previous one.
    if ('unitId' in changed && form.getFieldValue('household') && changed.unitId !== householdUnit.current)
      form.setFieldValue('household', undefined);
    // Only 境外人员 carry documents other than the resident ID.
    if (!editing && 'residenceType' in changed && !idTypesFor(changed.residenceType).includes(form.getFieldValue('idType')))
      form.setFieldValue('idType', 'residentId');
  };

  const submit = async (values: PersonFormValues) => {
    setFailure(null);
    try {
      if (!editing) {
        const person = await create.mutateAsync(toPersonInput(values));
        void message.success(t('people.form.created', { name: person.name }));
        onSaved(person);
        return;
      }
      const changes = toPersonUpdate(baseline.values, values, baseline.version);
      if (Object.keys(changes).length === 1) {
        void message.info(t('people.form.unchanged'));
        onSaved(editing);
        return;
      }
      const person = await update.mutateAsync({ id: editing.id, ...changes });
      void message.success(t('people.form.saved'));
      onSaved(person);
    } catch (error) {
      // Someone saved in between; other refusals (409 an ID number registered to another person) are shown on their field.
      if (editing && isApiError(error) && error.code === ErrorCode.StaleVersion) {
        setStale(true);
        return;
      }
      placePersonFieldErrors(form, error, FORM_FIELDS, (key) => t(`people.form.errors.${key}`));
      setFailure(errorMessage(error));
    }
  };

  const reload = async () => {
    if (!editing) return;
    const latest = await queryClient.fetchQuery({ ...personQueryOptions(editing.id), staleTime: 0 });
    const current = form.getFieldsValue() as PersonFormValues;
    const mine = Object.fromEntries(changedKeys(baseline.values, current).map((k) => [k, current[k]]));
    const fresh = valuesOf(latest);
    setBaseline({ values: fresh, version: latest.person.version });
    householdUnit.current = latest.person.householdId ? latest.person.unit.id : undefined;
    form.setFieldsValue({ ...fresh, ...mine });
    setStale(false);
    void message.info(t('people.form.reloaded'));
  };

  const saving = create.isPending || update.isPending;
  const idTypes = idTypesFor(residenceType);
  return (
    <Form<PersonFormValues>
      form={form}
      name="person"
      layout="vertical"
      initialValues={baseline.values}
      onValuesChange={onValuesChange}
      onFinish={(values) => void submit(values)}
      aria-label={editing ? t('people.form.editTitle', { name: editing.name }) : t('people.form.createTitle')}
      data-testid="person-form"
    >
      <Divider titlePlacement="start" size="small" style={{ marginTop: 0 }}>
        {t('people.form.identity')}
      </Divider>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item
            name="name"
            label={t('people.fields.name')}
            rules={[{ required: true, whitespace: true, message: t('people.form.required.name') }, { max: 100 }]}
          >
            <Input autoFocus />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="residenceType"
            label={t('people.fields.residenceType')}
            extra={editing && editing.idType !== 'residentId' ? t('people.form.residenceFixed') : undefined}
            rules={[{ required: true, message: t('people.form.required.residenceType') }]}
          >
            <Select
              aria-label={t('people.fields.residenceType')}
              options={ResidenceTypes.map((r) => ({
                value: r,
                label: t(`people.residenceType.${r}`),
                disabled: editing !== null && !idTypesFor(r).includes(editing.idType),
              }))}
            />
          </Form.Item>
        </Col>
        {editing ? (
          <Col span={24}>
            <Form.Item label={t(`people.idType.${editing.idType}`)} extra={t('people.form.idFixed')}>
              <Typography.Text data-testid="person-form-id-number">{editing.idNumber}</Typography.Text>
            </Form.Item>
          </Col>
        ) : (
          <>
            <Col {...half}>
              <Form.Item
                name="idType"
                label={t('people.form.idType')}
                extra={idTypes.length === 1 ? t('people.form.idTypeForeignOnly') : undefined}
              >
                <Select
                  aria-label={t('people.form.idType')}
                  options={idTypes.map((type) => ({ value: type, label: t(`people.idType.${type}`) }))}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="idNumber"
                label={t('people.form.idNumber')}
                extra={<DocumentReading idType={idType ?? 'residentId'} idNumber={idNumber ?? ''} />}
                rules={[{ required: true, whitespace: true, message: t('people.form.required.idNumber') }, { max: 20 }]}
              >
                <Input autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      {asksFacts({ idType, idNumber: idNumber ?? baseline.values.idNumber }) && <AskedFacts />}
      <PersonFormFields maskedPhone={editing?.phone ?? undefined} onHouseholdPick={pickHousehold} />
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('people.form.stale')}
          description={t('people.form.staleDetail')}
          action={
            <Button size="small" onClick={() => void reload()} data-testid="person-form-reload">
              {t('people.form.reload')}
            </Button>
          }
          data-testid="person-form-stale"
          style={{ marginBottom: 12 }}
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          title={t('people.form.failed')}
          description={failure}
          data-testid="person-form-error"
          style={{ marginBottom: 12 }}
        />
      )}
      <Flex justify="end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} disabled={stale} data-testid="person-form-submit">
          {editing ? t('people.form.submitEdit') : t('people.form.submitCreate')}
        </Button>
      </Flex>
    </Form>
  );
}

export interface PersonFormDrawerProps {
  open: boolean;
  mode: PersonFormMode;
  onClose: () => void;
  onSaved: (person: Person) => void;
}

export function PersonFormDrawer({ open, mode, onClose, onSaved }: PersonFormDrawerProps) {
  const { t } = useTranslation();
  const title =
    mode.kind === 'edit' ? t('people.form.editTitle', { name: mode.profile.person.name }) : t('people.form.createTitle');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={title}
      destroyOnHidden
      closable={{ 'aria-label': t('common.cancel') }}
    >
      {open && <PersonFormBody mode={mode} onClose={onClose} onSaved={onSaved} />}
    </Drawer>
  );
}
