/** The fields an operation asks for beyond the note: reasons, targets, dates, results, ratings. */
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Ticket, TicketOperation } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { useTickets } from '../api/get-tickets.ts';
import { chinaDateTime, chinaDay } from '@/shared/utils/china-time.ts';
import { EscalateFields, HandOverFields } from './TargetFields.tsx';

function DuplicatePicker({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const found = useTickets({ q: q || undefined, limit: 20, offset: 0 });
  const seen = new Set<number>([ticket.id]);
  const options = [...ticket.possibleDuplicates, ...(q ? (found.data?.items ?? []) : [])]
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({ value: r.id, label: `${r.code} ${r.title}` }));
  return (
    <Form.Item name="duplicateOfId" label={t('tickets.operation.duplicateOf')} rules={[{ required: true }]}>
      <Select
        aria-label={t('tickets.operation.duplicateOf')}
        placeholder={t('tickets.operation.duplicatePlaceholder')}
        showSearch={{ filterOption: false, onSearch: setSearch }}
        loading={found.isFetching}
        options={options}
      />
    </Form.Item>
  );
}

export function OperationFields({ op, ticket }: { op: TicketOperation; ticket: Ticket }) {
  const { t } = useTranslation();
  const reason = Form.useWatch('reason') as string | undefined;
  switch (op) {
    case 'reject':
      return (
        <>
          <Form.Item name="reason" label={t('tickets.operation.reason')} initialValue="invalid" rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={(['invalid', 'duplicate'] as const).map((r) => ({
                value: r,
                label: t(`tickets.timeline.rejectReason.${r}`),
              }))}
            />
          </Form.Item>
          {reason === 'duplicate' && <DuplicatePicker ticket={ticket} />}
        </>
      );
    case 'assign':
      return <HandOverFields ticket={ticket} below />;
    case 'transfer':
      return <HandOverFields ticket={ticket} below={false} />;
    case 'escalate':
      return <EscalateFields ticket={ticket} />;
    case 'consult': {
      const today = chinaDay(new Date().toISOString());
      return (
        <>
          <Form.Item
            name="participants"
            label={t('tickets.operation.participants')}
            rules={[{ required: true, type: 'array', min: 1 }]}
          >
            <Select
              mode="tags"
              aria-label={t('tickets.operation.participants')}
              placeholder={t('tickets.operation.participantsPlaceholder')}
              open={false}
            />
          </Form.Item>
          <Form.Item
            name="decision"
            label={t('tickets.operation.decision')}
            rules={[{ required: true, whitespace: true, max: 2000 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="committedDate" label={t('tickets.operation.committedDate')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
          </Form.Item>
        </>
      );
    }
    case 'requestExtension':
      return (
        <>
          <Form.Item name="workdays" label={t('tickets.operation.workdays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
          <Form.Item
            name="extensionReason"
            label={t('tickets.operation.extensionReason')}
            rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
          </Form.Item>
        </>
      );
    case 'decideExtension':
      return (
        <>
          {ticket.pendingExtension && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('tickets.operation.pending', {
                n: ticket.pendingExtension.workdays,
                reason: ticket.pendingExtension.reason,
                at: chinaDateTime(ticket.pendingExtension.requestedAt),
              })}
            />
          )}
          <Form.Item name="approve" label={t('tickets.operation.approve')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('tickets.operation.approveYes') },
                { value: false, label: t('tickets.operation.approveNo') },
              ]}
            />
          </Form.Item>
        </>
      );
    case 'verify':
      return (
        <Form.Item name="passed" label={t('tickets.operation.verifyResult')} initialValue={true} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: true, label: t('tickets.operation.passed') },
              { value: false, label: t('tickets.operation.failedVerify') },
            ]}
          />
        </Form.Item>
      );
    case 'evaluate':
      return (
        <>
          <Form.Item name="rating" label={t('tickets.operation.rating')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={(['satisfied', 'basically', 'unsatisfied'] as const).map((r) => ({
                value: r,
                label: t(`tickets.rating.${r}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="comment" label={t('tickets.operation.comment')} rules={[{ max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}
