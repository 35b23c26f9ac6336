/**
 * 上报事件: what happened, its category (with the category's extra fields), where (a unit, and a
 * point from the phone or the map), the household and people involved (from the base data), who
 * reported it, photos and voice notes. Possible duplicates (nearby, or of the same household) show
 * before sending. One Idempotency-Key per submission: a resend after a lost answer, on a weak
 * signal, is still one ticket; a changed report after a refusal gets a new key.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Select, TreeSelect } from 'antd';
import {
  TicketChannels,
  TicketUrgencies,
  type GeoPoint,
  type TicketChannel,
  type TicketCreate,
  type TicketUrgency,
} from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '@/shared/api/client.ts';
import { applyFormError } from '@/shared/api/form-error.ts';
import { useMe } from '@/shared/auth/get-me.ts';
import { AttachmentUpload } from '@/shared/ui/AttachmentUpload.tsx';
import { categoryTree, useCategories } from '../api/get-categories.ts';
import { useUnitChildren } from '@/features/units/api/get-unit-children.ts';
import { useDuplicates, useReportTicket } from '../api/report-ticket.ts';
import { newIdempotencyKey } from '../utils/idempotency-key.ts';
import { cleanFieldValues, fieldSpecs } from '../utils/json-schema.ts';
import { ticketPath } from '../utils/paths.ts';
import { DuplicateAlert } from './DuplicateAlert.tsx';
import { InvolvedFields, involvedIds, type InvolvedValues } from './InvolvedFields.tsx';
import { LocationField } from './LocationField.tsx';
import { SchemaFields } from './SchemaFields.tsx';
import { UnitTreePicker } from '@/features/units/components/UnitTreePicker.tsx';

interface ReportValues extends InvolvedValues {
  title: string;
  description: string;
  categoryId: number;
  channel: TicketChannel;
  urgency: TicketUrgency;
  unitId?: number;
  location?: GeoPoint;
  address?: string;
  reporter?: { name?: string; phone?: string };
  fields?: Record<string, unknown>;
}

const PHONE = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;

/** A dispatcher mostly types in hotline orders; everyone else reports what they found. */
function useDefaultChannel(): TicketChannel {
  const me = useMe();
  return me.data?.grants.some((g) => g.role === 'countyDispatcher') ? 'hotline12345' : 'gridWorker';
}

export function ReportForm({ tileUrl }: { tileUrl: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportValues>();
  const categories = useCategories();
  const topUnits = useUnitChildren(null);
  const report = useReportTicket();
  const defaultChannel = useDefaultChannel();
  const [attachmentIds, setAttachmentIds] = useState<number[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());

  const categoryId = Form.useWatch('categoryId', form);
  const unitId = Form.useWatch('unitId', form);
  const location = Form.useWatch('location', form);
  const household = Form.useWatch('household', form);
  const category = categories.data?.find((c) => c.id === categoryId);
  const specs = useMemo(() => fieldSpecs(category?.fieldsSchema), [category]);
  const duplicates = useDuplicates(
    categoryId && (location || household)
      ? { categoryId, lng: location?.lng, lat: location?.lat, householdId: household?.value }
      : undefined,
  );
  // A grid worker has one unit, their grid: the report starts there.
  const onlyUnit = topUnits.data?.items.length === 1 ? topUnits.data.items[0]?.id : undefined;
  useEffect(() => {
    if (onlyUnit !== undefined && !form.isFieldTouched('unitId')) form.setFieldValue('unitId', onlyUnit);
  }, [onlyUnit, form]);

  const submit = async (values: ReportValues) => {
    setFailure(null);
    const reporterName = values.reporter?.name?.trim();
    const reporterPhone = values.reporter?.phone?.trim();
    const input: TicketCreate = {
      title: values.title.trim(),
      description: values.description.trim(),
      categoryId: values.categoryId,
      channel: values.channel,
      urgency: values.urgency,
      ...(values.unitId !== undefined ? { unitId: values.unitId } : {}),
      ...(values.location ? { location: values.location } : {}),
      ...(values.address?.trim() ? { address: values.address.trim() } : {}),
      ...involvedIds(values),
      ...(reporterName ? { reporter: { name: reporterName, ...(reporterPhone ? { phone: reporterPhone } : {}) } } : {}),
      ...(specs.length > 0 ? { fields: cleanFieldValues(specs, values.fields) } : {}),
      ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
    };
    try {
      const ticket = await report.mutateAsync({ input, key: key.current });
      void message.success(t('tickets.report.done', { code: ticket.code }));
      void navigate(ticketPath(ticket.id));
    } catch (error) {
      // The server answered no: what the user sends next is another report. No answer, or the first
      // still being processed (409 in flight): the same, so the retry gets that report's answer.
      if (isApiError(error) && error.status >= 400 && error.status < 500 && error.code !== 'idempotency_key_in_flight')
        key.current = newIdempotencyKey();
      setFailure(applyFormError(form, error));
    }
  };

  return (
    <Card title={t('tickets.report.title')} size="small" style={{ maxWidth: 880 }}>
      <Form<ReportValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ channel: defaultChannel, urgency: 'normal' }}
        aria-label={t('tickets.report.title')}
        data-testid="report-form"
        scrollToFirstError
      >
        <Form.Item
          name="title"
          label={t('tickets.fields.title')}
          rules={[{ required: true, whitespace: true, min: 2, max: 100 }]}
        >
          <Input maxLength={100} placeholder={t('tickets.report.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('tickets.fields.description')}
          rules={[{ required: true, whitespace: true, max: 4000 }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={4000}
            placeholder={t('tickets.report.descriptionPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="categoryId" label={t('tickets.fields.category')} rules={[{ required: true }]}>
          <TreeSelect
            aria-label={t('tickets.fields.category')}
            placeholder={t('tickets.report.categoryPlaceholder')}
            treeData={categoryTree(categories.data ?? [])}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            loading={categories.isPending}
            // Extra fields belong to one category: another category starts them afresh.
            onChange={() => form.setFieldValue('fields', undefined)}
          />
        </Form.Item>
        {specs.length > 0 && category && (
          <Card
            size="small"
            type="inner"
            title={t('tickets.report.extraFields', { category: category.name })}
            style={{ marginBottom: 16 }}
          >
            <SchemaFields specs={specs} />
          </Card>
        )}
        <Form.Item name="channel" label={t('tickets.fields.channel')} rules={[{ required: true }]}>
          <Select
            aria-label={t('tickets.fields.channel')}
            options={TicketChannels.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="urgency" label={t('tickets.fields.urgency')}>
          <Radio.Group
            optionType="button"
            options={TicketUrgencies.map((u) => ({ value: u, label: t(`tickets.urgency.${u}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('tickets.fields.unit')}
          extra={t('tickets.report.locationHint')}
          dependencies={['location']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value?: number) =>
                value !== undefined || getFieldValue('location')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('tickets.report.needLocation'))),
            }),
          ]}
        >
          <UnitTreePicker aria-label={t('tickets.fields.unit')} allowClear style={{ width: '100%', maxWidth: 420 }} />
        </Form.Item>
        <Form.Item name="location" label={t('tickets.fields.location')}>
          <LocationField unitId={unitId} tileUrl={tileUrl} />
        </Form.Item>
        <Form.Item name="address" label={t('tickets.fields.address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <InvolvedFields within={unitId ?? onlyUnit} />
        <Form.Item label={t('tickets.report.reporter')} style={{ marginBottom: 0 }}>
          <Form.Item
            name={['reporter', 'name']}
            label={t('tickets.fields.reporterName')}
            dependencies={[['reporter', 'phone']]}
            rules={[
              { max: 50 },
              ({ getFieldValue }) => ({
                // A phone number belongs to someone: the server keeps it only with a name.
                validator: (_, name?: string) =>
                  name?.trim() || !getFieldValue(['reporter', 'phone'])
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('tickets.report.nameForPhone'))),
              }),
            ]}
          >
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name={['reporter', 'phone']}
            label={t('tickets.fields.reporterPhone')}
            rules={[{ pattern: PHONE, message: t('tickets.report.phoneInvalid') }]}
          >
            <Input inputMode="tel" maxLength={13} autoComplete="off" />
          </Form.Item>
        </Form.Item>
        <Form.Item label={t('tickets.report.attachments')}>
          <AttachmentUpload onChange={(ids) => setAttachmentIds(ids)} />
        </Form.Item>
        {duplicates.data && <DuplicateAlert duplicates={duplicates.data} />}
        {failure && (
          <Alert
            type="error"
            showIcon
            title={t('tickets.report.failed')}
            description={failure}
            style={{ marginTop: 12 }}
            data-testid="report-error"
          />
        )}
        <Button type="primary" htmlType="submit" size="large" loading={report.isPending} style={{ marginTop: 16, minWidth: 160 }}>
          {report.isPending ? t('tickets.report.submitting') : t('tickets.report.submit')}
        </Button>
      </Form>
    </Card>
  );
}
