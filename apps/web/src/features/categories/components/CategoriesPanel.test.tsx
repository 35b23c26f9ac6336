import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { me, page, unit } from '@/test/factories.ts';
import { json, problem, stubHealthyServer, type FakeRequest } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';
import { category } from '@/features/tickets/test/factories.ts';

const county = unit({ id: 1, kind: 'county', name: '安远县' });
const water = category({ id: 10, code: 'water', name: '供水', defaultLevel: 'village' });
const well = category({ id: 11, parentId: 10, code: 'water.well', name: '机井损坏', duplicateRadiusM: 300 });

function serve(answer: (request: FakeRequest) => Response = (r) => json(200, { ...well, ...bodyOf(r) }), edited = well) {
  const saved: FakeRequest[] = [];
  stubHealthyServer({
    '/api/v1/auth/me': () => json(200, me('systemAdmin', county)),
    '/api/v1/units': () => json(200, page([county])),
    '/api/v1/users': () => json(200, page([])),
    '/api/v1/ticket-categories': () => json(200, [water, edited]),
    '/api/v1/departments': () => json(200, [{ id: 3, code: '430624-SL', name: '县水利局', unitId: 1 }]),
    '/api/v1/ticket-categories/11': (request) => {
      saved.push(request);
      return answer(request);
    },
  });
  renderApp('/admin/categories');
  return saved;
}

const bodyOf = (r: FakeRequest) => JSON.parse(String(r.init?.body)) as Record<string, unknown>;

/** A button by its text (getByRole is very slow over antd's tables in jsdom). */
const button = (inside: HTMLElement, text: RegExp) =>
  [...inside.querySelectorAll('button')].find((b) => text.test(b.textContent ?? ''))!;

async function editWell() {
  const panel = await screen.findByTestId('categories-panel');
  const row = (await within(panel).findByText('机井损坏')).closest('tr')!;
  fireEvent.click(button(row, /编\s*辑/));
  return screen.findByTestId('category-form');
}

const save = () => fireEvent.click(button(document.body, /保\s*存/));

describe('事件类别', { timeout: 20_000 }, () => {
  beforeAll(() => import('@/app/routes/admin.tsx'), 60_000);

  it('shows the tree with levels, deadlines and radius, and saves a category with its own deadlines', async () => {
    const saved = serve();
    const panel = await screen.findByTestId('categories-panel');
    const water = (await within(panel).findByText('供水')).closest('tr')!;
    expect(water.textContent).toContain('村/社区');
    expect((await within(panel).findByText('机井损坏')).closest('tr')!.textContent).toContain('300');
    const form = await editWell();
    fireEvent.click(within(form).getByLabelText('自定义时限'));
    const resolve = await within(form).findByLabelText('一般 办结 时限');
    fireEvent.change(resolve, { target: { value: '10' } });
    fireEvent.change(within(form).getByLabelText('重复判断半径（米）'), { target: { value: '500' } });
    save();

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.init?.method).toBe('PUT');
    const body = bodyOf(saved[0]!);
    expect(body).toMatchObject({ code: 'water.well', parentId: 10, duplicateRadiusM: 500 });
    expect((body.deadlines as { normal: { resolve: unknown } }).normal.resolve).toEqual({ workdays: 10 });
    await waitFor(() => expect(screen.queryByTestId('category-form')).toBeNull());
  });

  it('keeps a supervision step set through the API when the category is saved, and sends a step typed in', async () => {
    const rules = {
      accept: { workdays: 1 },
      feedback: { workdays: 3, yellowWorkdaysBefore: 1 },
      resolve: { workdays: 7, supervisionStepWorkdays: 2 },
    };
    const saved = serve(undefined, { ...well, customDeadlines: true, deadlines: { normal: rules, urgent: rules } });
    const form = await editWell();
    const step = (label: string) => form.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;
    expect(screen.getByText('督办升级间隔（工作日）')).toBeTruthy();
    expect(step('一般 办结 督办升级间隔（工作日）').value).toBe('2');
    // Absent: the field is empty and shows the default the server applies.
    expect(step('一般 受理交办 督办升级间隔（工作日）').value).toBe('');
    expect(step('一般 受理交办 督办升级间隔（工作日）').placeholder).toBe('5');
    fireEvent.change(step('紧急 受理交办 督办升级间隔（工作日）'), { target: { value: '3' } });
    save();

    await waitFor(() => expect(saved).toHaveLength(1));
    const deadlines = bodyOf(saved[0]!).deadlines as Record<string, Record<string, unknown>>;
    expect(deadlines.normal).toStrictEqual(rules);
    expect(deadlines.urgent).toStrictEqual({ ...rules, accept: { workdays: 1, supervisionStepWorkdays: 3 } });
  });

  it('checks the extra fields are a JSON object before sending, and shows the server’s reason', async () => {
    const saved = serve(() =>
      problem(400, 'validation_failed', {
        detail: 'fieldsSchema is not a valid JSON Schema',
        errors: [{ path: '/body/fieldsSchema', message: 'is not a valid JSON Schema' }],
      }),
    );
    const form = await editWell();
    const schema = within(form).getByLabelText('补充信息');
    fireEvent.change(schema, { target: { value: '{"type": "object",' } });
    save();
    expect(await within(form).findByText('不是有效的 JSON')).toBeTruthy();
    expect(saved).toHaveLength(0);

    fireEvent.change(schema, { target: { value: '{"type": "object", "properties": {"a": {"type": "nonsense"}}}' } });
    save();
    expect((await screen.findByTestId('category-error')).textContent).toContain('fieldsSchema is not a valid JSON Schema');
    expect(within(form).getAllByText('fieldsSchema is not a valid JSON Schema').length).toBeGreaterThan(0);
    expect(saved).toHaveLength(1);
  });
});
