/**
 * Adds or changes one category (audited by the server). The deadlines follow the 13710 defaults of
 * the category's class unless "own deadlines" is on; the extra fields are a JSON Schema of an object,
 * shown to the reporter as a form. The server's reasons appear beside the fields or above the buttons.
 */
import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select, Switch, TreeSelect } from 'antd';
import { HandlingLevels, type Category } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { categoryTree, useDepartments } from '@/features/tickets/api/get-categories.ts';
import { isApiError } from '@/shared/api/api-error.ts';
import { applyFormError } from '@/shared/api/form-error.ts';
import { useSaveCategory } from '../api/save-category.ts';
import { categoryInputOf, formValuesOf, parseSchemaText, type CategoryFormValues } from '../utils/category-form.ts';
import { DeadlineRulesFields } from './DeadlineRulesFields.tsx';

export interface CategoryFormProps {
  /** The category to change; null adds one. */
  category: Category | null;
  /** Where a new category goes (null: at the top). */
  parentId: number | null;
  categories: Category[];
  onClose: () => void;
}

export function CategoryForm({ category, parentId, categories, onClose }: CategoryFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryFormValues>();
  const save = useSaveCategory();
  const departments = useDepartments();
  const [failure, setFailure] = useState<string | null>(null);
  const custom = Form.useWatch('customDeadlines', form);
  // A category cannot sit below itself: it and its branch are not offered as parents.
  const parents = categoryTree(categories, category?.id);

  const submit = async (values: CategoryFormValues) => {
    setFailure(null);
    try {
      const saved = await save.mutateAsync({ id: category?.id ?? null, input: categoryInputOf(values) });
      void message.success(t('categories.saved', { name: saved.name }));
      onClose();
    } catch (error) {
      const generic = applyFormError(form, error);
      // The schema is edited as text: the server's reason about it goes beside that text.
      if (isApiError(error) && error.fieldErrors.some((e) => e.path.startsWith('/body/fieldsSchema')))
        form.setFields([{ name: 'fieldsSchemaText', errors: [error.detail ?? generic] }]);
      // An administrator's form: the server's own words say which rule failed.
      setFailure(isApiError(error) && error.status < 500 && error.detail ? error.detail : generic);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={category ? t('categories.editTitle', { name: category.name }) : t('categories.addTitle')}
      okText={t('categories.save')}
      cancelText={t('categories.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CategoryFormValues>
        form={form}
        layout="vertical"
        initialValues={formValuesOf(category, parentId)}
        onFinish={(v) => void submit(v)}
        data-testid="category-form"
        scrollToFirstError
      >
        <Form.Item name="name" label={t('categories.fields.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('categories.fields.code')}
          extra={t('categories.codeHint')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,40}$/, message: t('categories.codeInvalid') }]}
        >
          <Input maxLength={40} style={{ fontFamily: 'ui-monospace, monospace' }} />
        </Form.Item>
        <Form.Item name="parentId" label={t('categories.fields.parent')}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            treeData={parents}
            placeholder={t('categories.topLevel')}
            aria-label={t('categories.fields.parent')}
          />
        </Form.Item>
        <Form.Item name="defaultLevel" label={t('categories.fields.defaultLevel')} extra={t('categories.levelHint')}>
          <Radio.Group optionType="button" options={HandlingLevels.map((l) => ({ value: l, label: t(`tickets.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="defaultDepartmentId" label={t('categories.fields.defaultDepartment')}>
          <Select
            allowClear
            loading={departments.isPending}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            placeholder={t('categories.noDepartment')}
            aria-label={t('categories.fields.defaultDepartment')}
          />
        </Form.Item>
        <Form.Item name="deadlineClass" label={t('categories.fields.deadlineClass')} extra={t('categories.classHint')}>
          <Radio.Group options={(['ordinary', 'major'] as const).map((c) => ({ value: c, label: t(`categories.class.${c}`) }))} />
        </Form.Item>
        <Form.Item name="customDeadlines" label={t('categories.fields.customDeadlines')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {custom && (
          <Form.Item>
            <DeadlineRulesFields />
          </Form.Item>
        )}
        <Form.Item
          name="fieldsSchemaText"
          label={t('categories.fields.extraFields')}
          extra={t('categories.schemaHint')}
          rules={[
            {
              validator: (_, text?: string) => {
                const parsed = parseSchemaText(text);
                return 'error' in parsed ? Promise.reject(new Error(t(`categories.schema.${parsed.error}`))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea rows={6} style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }} />
        </Form.Item>
        <Form.Item
          name="duplicateRadiusM"
          label={t('categories.fields.duplicateRadiusM')}
          style={{ display: 'inline-block', width: 200 }}
        >
          <InputNumber min={0} max={10_000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="duplicateWindowDays"
          label={t('categories.fields.duplicateWindowDays')}
          style={{ display: 'inline-block', width: 200 }}
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="allowSkipLevels" label={t('categories.fields.allowSkipLevels')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="status" label={t('categories.fields.status')} extra={t('categories.statusHint')}>
          <Radio.Group
            options={(['active', 'retired'] as const).map((s) => ({ value: s, label: t(`categories.status.${s}`) }))}
          />
        </Form.Item>
        {failure && (
          <Alert type="error" showIcon title={t('categories.failed')} description={failure} data-testid="category-error" />
        )}
      </Form>
    </Modal>
  );
}
