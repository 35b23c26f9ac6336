/**
 * The form of one operation. It sends the version of the ticket the user had in front of them when
 * they opened it: if someone else moved the ticket meanwhile, the server answers 409 and the user
 * is told, the ticket reloads and they decide again with what is true now.
 */
import { useRef, useState } from 'react';
import { Alert, App, Form, Input, Modal, type ButtonProps } from 'antd';
import type { Ticket, TicketOperation } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/client.ts';
import { applyFormError } from '@/shared/api/form-error.ts';
import { AttachmentUpload } from '@/shared/ui/AttachmentUpload.tsx';
import { isOutdated, useTicketOperation } from '../api/ticket-operation.ts';
import { newIdempotencyKey } from '../utils/idempotency-key.ts';
import { noteRequired, operationBody, type OperationValues } from '../utils/operation-body.ts';
import { OperationFields } from './OperationFields.tsx';

export interface OperationModalProps {
  ticket: Ticket;
  op: TicketOperation;
  /** The version the user saw when they chose the operation. */
  version: number;
  onClose: () => void;
}

export function OperationModal({ ticket, op, version, onClose }: OperationModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OperationValues>();
  const operation = useTicketOperation();
  const [attachmentIds, setAttachmentIds] = useState<number[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const reason = Form.useWatch('reason', form);
  const passed = Form.useWatch('passed', form);
  const needsNote = noteRequired(op, { reason, passed });
  const label = t(`tickets.op.${op}`);

  const submit = async (values: OperationValues) => {
    setFailure(null);
    try {
      await operation.mutateAsync({
        id: ticket.id,
        op,
        body: operationBody(op, values, version, attachmentIds),
        key: key.current,
      });
      void message.success(t('tickets.operation.done', { op: label }));
      onClose();
    } catch (error) {
      // A new key after a refusal (the next submission is another request); the same key while the
      // first is still being processed, so that the retry gets its answer instead of a second record.
      if (isApiError(error) && error.status >= 400 && error.status < 500 && error.code !== 'idempotency_key_in_flight')
        key.current = newIdempotencyKey();
      if (isOutdated(error)) {
        void message.warning(
          isApiError(error) && error.code === 'stale_version' ? t('tickets.operation.stale') : t('tickets.operation.notAllowed'),
        );
        onClose();
        return;
      }
      setFailure(applyFormError(form, error));
    }
  };

  return (
    <Modal
      open
      title={t('tickets.operation.title', { op: label, code: ticket.code })}
      okText={label}
      cancelText={t('common.cancel')}
      confirmLoading={operation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ danger: op === 'reject' || op === 'return', 'data-testid': 'operation-submit' } as ButtonProps}
    >
      <Form<OperationValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        aria-label={t('tickets.operation.title', { op: label, code: ticket.code })}
        data-testid={`operation-form-${op}`}
      >
        <OperationFields op={op} ticket={ticket} />
        <Form.Item
          name="note"
          label={t('tickets.operation.note')}
          required={needsNote}
          rules={[{ required: needsNote, whitespace: true, message: t('tickets.operation.noteRequired') }, { max: 2000 }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={t('tickets.operation.notePlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('tickets.operation.attachments')}>
          <AttachmentUpload onChange={(ids) => setAttachmentIds(ids)} />
        </Form.Item>
        {failure && (
          <Alert
            type="error"
            showIcon
            title={t('tickets.operation.failed')}
            description={failure}
            data-testid="operation-error"
          />
        )}
      </Form>
    </Modal>
  );
}
