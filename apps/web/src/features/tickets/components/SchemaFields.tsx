/**
 * A category's extra fields rendered from its JSON Schema (see utils/json-schema.ts), inside the
 * caller's antd Form under `fields.<name>`, so the server's `/body/fields/<name>` errors land
 * beside the right field. The checks here help the user; the server decides.
 */
import { Form, Input, InputNumber, Select, Switch, type FormItemProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../utils/json-schema.ts';

type Rule = NonNullable<FormItemProps['rules']>[number];

function rulesFor(spec: FieldSpec, t: TFunction): Rule[] {
  const rules: Rule[] = [];
  if (spec.required)
    rules.push({
      required: true,
      message: t('tickets.schema.required', { label: spec.label }),
      // Even `whitespace: false` makes async-validator treat the value as a string: a number then never counts as given.
      ...(spec.kind === 'string' ? { whitespace: true } : {}),
    });
  if (spec.kind === 'number' || spec.kind === 'integer') {
    if (spec.minimum !== undefined)
      rules.push({ type: 'number', min: spec.minimum, message: t('tickets.schema.min', { n: spec.minimum }) });
    if (spec.maximum !== undefined)
      rules.push({ type: 'number', max: spec.maximum, message: t('tickets.schema.max', { n: spec.maximum }) });
  }
  if (spec.kind === 'string') {
    if (spec.minLength !== undefined) rules.push({ type: 'string', min: spec.minLength });
    if (spec.maxLength !== undefined) rules.push({ type: 'string', max: spec.maxLength });
    if (spec.pattern !== undefined) {
      try {
        rules.push({ pattern: new RegExp(spec.pattern, 'u'), message: t('tickets.schema.pattern') });
      } catch {
        // A pattern this browser cannot compile is left to the server.
      }
    }
  }
  return rules;
}

/** The antd control itself (not a wrapper component): Form.Item hands it the ref that form errors need. */
function control(spec: FieldSpec, t: TFunction) {
  switch (spec.kind) {
    case 'integer':
    case 'number':
      return (
        <InputNumber
          min={spec.minimum}
          max={spec.maximum}
          precision={spec.kind === 'integer' ? 0 : undefined}
          style={{ width: '100%', maxWidth: 240 }}
        />
      );
    case 'boolean':
      return <Switch checkedChildren={t('tickets.schema.yes')} unCheckedChildren={t('tickets.schema.no')} />;
    case 'enum':
      return <Select allowClear={!spec.required} options={(spec.options ?? []).map((o) => ({ value: o, label: String(o) }))} />;
    default:
      return spec.maxLength !== undefined && spec.maxLength <= 100 ? (
        <Input maxLength={spec.maxLength} />
      ) : (
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={spec.maxLength} />
      );
  }
}

export function SchemaFields({ specs }: { specs: FieldSpec[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="schema-fields">
      {specs.map((spec) => (
        <Form.Item
          key={spec.name}
          name={['fields', spec.name]}
          label={spec.label}
          tooltip={spec.description}
          required={spec.required}
          rules={rulesFor(spec, t)}
          valuePropName={spec.kind === 'boolean' ? 'checked' : 'value'}
        >
          {control(spec, t)}
        </Form.Item>
      ))}
    </div>
  );
}
