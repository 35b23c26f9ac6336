import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Button, Form, type FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/shared/api/api-error.ts';
import { applyFormError } from '@/shared/api/form-error.ts';
import { renderWithProviders } from '@/test/render.tsx';
import { fieldSpecs } from '../utils/json-schema.ts';
import { SchemaFields } from './SchemaFields.tsx';

const landDispute = fieldSpecs({
  type: 'object',
  properties: {
    parties: { type: 'integer', minimum: 2, maximum: 500, title: '当事人数' },
    areaMu: { type: 'number', minimum: 0, title: '涉及面积（亩）' },
    way: { enum: ['口头', '书面'], title: '调解方式' },
    witnessed: { type: 'boolean', title: '有无见证人' },
    place: { type: 'string', maxLength: 50, title: '地块名称' },
  },
  required: ['parties'],
});

function Harness({ onFinish, formRef }: { onFinish?: (v: unknown) => void; formRef?: { current: FormInstance | null } }) {
  const [form] = Form.useForm();
  if (formRef) formRef.current = form;
  return (
    <Form form={form} layout="vertical" onFinish={onFinish}>
      <SchemaFields specs={landDispute} />
      <Button htmlType="submit" data-testid="submit">
        OK
      </Button>
    </Form>
  );
}

const labelOf = (text: string) => [...document.querySelectorAll('label')].find((l) => l.textContent === text);

describe('SchemaFields', () => {
  it("renders each property of the category's schema with its title as label and marks the required ones", () => {
    renderWithProviders(<Harness />);
    for (const title of ['当事人数', '涉及面积（亩）', '调解方式', '有无见证人', '地块名称']) expect(labelOf(title)).toBeTruthy();
    expect(labelOf('当事人数')?.className).toContain('ant-form-item-required');
    expect(labelOf('涉及面积（亩）')?.className).not.toContain('ant-form-item-required');
    expect(screen.getByRole('switch')).toBeTruthy();
  });

  it('checks the schema on the client before sending: a required field must be filled', async () => {
    const sent: unknown[] = [];
    renderWithProviders(<Harness onFinish={(v) => sent.push(v)} />);
    fireEvent.click(screen.getByTestId('submit'));
    expect(await screen.findByText('请填写当事人数')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(document.getElementById('fields_parties')!, { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('submit'));
    await waitFor(() => expect(sent).toEqual([{ fields: expect.objectContaining({ parties: 3 }) }]));
  });

  it("puts the server's errors on /body/fields/<name> beside that field", async () => {
    const formRef: { current: FormInstance | null } = { current: null };
    renderWithProviders(<Harness formRef={formRef} />);
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      title: 'Bad Request',
      fieldErrors: [{ path: '/body/fields/parties', message: 'must be >= 2' }],
    });
    let text = '';
    act(() => {
      text = applyFormError(formRef.current!, error);
    });
    expect(await screen.findByText('must be >= 2')).toBeTruthy();
    const item = screen.getByText('must be >= 2').closest('.ant-form-item');
    expect(item?.querySelector('label')?.textContent).toBe('当事人数');
    expect(text).toBe('提交的内容有误，请检查后重试');
  });
});
