/** Changes an official makes to the tree from a unit's page: add a child, rename, retire. */
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { administrativeKinds, parentKind, UnitKinds, type Unit, type UnitKind } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyFormError } from '@/shared/api/form-error.ts';
import { unitPath } from '@/shared/ui/UnitLink.tsx';
import { useCreateUnit } from '../api/create-unit.ts';
import { useRetireUnit } from '../api/retire-unit.ts';
import { useUpdateUnit } from '../api/update-unit.ts';

/** The kind of a unit's children, or null below the household group. */
export function childKindOf(kind: UnitKind | null): UnitKind | null {
  return UnitKinds.find((k) => parentKind[k] === kind) ?? null;
}

interface CreateValues {
  name: string;
  code?: string;
}

/** Adds a child under `parent`, or the county itself when `parent` is null (an empty system). */
export function CreateUnitButton({ parent }: { parent: Unit | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CreateValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateUnit();
  const kind = childKindOf(parent?.kind ?? null);
  if (!kind || parent?.status === 'retired') return null;
  const administrative = administrativeKinds.includes(kind);
  const kindName = t(`units.kind.${kind}`);

  const submit = (values: CreateValues) => {
    setFailure(null);
    create.mutate(
      { parentId: parent?.id ?? null, kind, name: values.name.trim(), ...(administrative ? { code: values.code } : {}) },
      {
        onSuccess: (unit) => {
          setOpen(false);
          form.resetFields();
          void message.success(t('units.actions.created', { name: unit.name }));
          void navigate(unitPath(unit.id));
        },
        onError: (error) => setFailure(applyFormError(form, error)),
      },
    );
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('units.actions.create', { kind: kindName })}
      </Button>
      <Modal
        open={open}
        title={
          parent
            ? t('units.actions.createUnder', { kind: kindName, parent: parent.name })
            : t('units.actions.create', { kind: kindName })
        }
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item name="name" label={t('units.fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input autoFocus />
          </Form.Item>
          {administrative && (
            <Form.Item
              name="code"
              label={t('units.fields.code')}
              extra={t('units.fields.codeHelp')}
              rules={[
                { required: true },
                { pattern: kind === 'county' ? /^\d{6}(\d{6})?$/ : /^\d{12}$/, message: t('units.fields.codeInvalid') },
              ]}
            >
              <Input inputMode="numeric" maxLength={12} />
            </Form.Item>
          )}
          {failure && <Alert type="error" showIcon title={failure} />}
        </Form>
      </Modal>
    </>
  );
}

export function RenameUnitButton({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; reason?: string }>();
  const update = useUpdateUnit();
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={unit.status === 'retired'}>
        {t('units.actions.rename')}
      </Button>
      <Modal
        open={open}
        title={t('units.actions.renameTitle', { name: unit.name })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={update.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ name: unit.name }}
          onFinish={(values) =>
            update.mutate(
              {
                id: unit.id,
                version: unit.version,
                name: values.name.trim(),
                ...(values.reason ? { reason: values.reason } : {}),
              },
              { onSuccess: () => setOpen(false) },
            )
          }
        >
          <Form.Item name="name" label={t('units.fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="reason" label={t('units.fields.reason')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function RetireUnitButton({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  const retire = useRetireUnit();
  if (unit.status === 'retired') return null;
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('units.actions.retire')}
      </Button>
      <Modal
        open={open}
        title={t('units.actions.retireTitle', { name: unit.name })}
        okText={t('units.actions.retire')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={retire.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('units.actions.retireHint')} style={{ marginBottom: 16 }} />
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(values) =>
            retire.mutate(
              { id: unit.id, version: unit.version, ...(values.reason ? { reason: values.reason } : {}) },
              { onSuccess: () => setOpen(false) },
            )
          }
        >
          <Form.Item name="reason" label={t('units.fields.reason')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function UnitActions({ unit }: { unit: Unit }) {
  return (
    <Space wrap>
      <CreateUnitButton parent={unit} />
      <RenameUnitButton unit={unit} />
      <RetireUnitButton unit={unit} />
    </Space>
  );
}
