import { useState } from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Button, Form } from 'antd';
import { describe, expect, it } from 'vitest';
import type { Household } from '@wangge/contracts';
import { page, ref, unit } from '@/test/factories.ts';
import { json, stubFetch, type FakeRequest } from '@/test/fetch.ts';
import { renderWithProviders } from '@/test/render.tsx';
import { chooseOption, openSelect } from '@/test/select.ts';
import { person, personPage } from '@/features/people/test/factories.ts';
import { InvolvedFields, involvedIds, type InvolvedValues } from './InvolvedFields.tsx';

const grid = unit({ id: 7, kind: 'grid', name: '东塘村一网格' });
const household: Household = {
  id: 31,
  unit: ref(grid),
  address: '东塘村六组3号',
  headName: '赵建国',
  memberCount: 2,
  updatedAt: '2026-03-01T08:00:00.000Z',
};
const head = person({ id: 41, name: '赵建国', unit: ref(grid), householdId: 31, relationToHead: '户主', age: 56 });
const daughter = person({ id: 42, name: '赵小芳', unit: ref(grid), householdId: 31, relationToHead: '女', age: 14 });
const neighbour = person({ id: 43, name: '钱小芳', unit: ref(grid), age: 30, idNumber: '430***********5678' });

/** The fields in a form that shows what it would send. */
function Harness({ within }: { within: number | undefined }) {
  const [sent, setSent] = useState<string>('');
  return (
    <Form<InvolvedValues> onFinish={(values) => setSent(JSON.stringify(involvedIds(values)))}>
      <InvolvedFields within={within} />
      <Button htmlType="submit">send</Button>
      <output data-testid="sent">{sent}</output>
    </Form>
  );
}

function stubBaseData() {
  const asked: { households: URLSearchParams[]; people: URLSearchParams[] } = { households: [], people: [] };
  stubFetch({
    '/api/v1/households': ({ url }: FakeRequest) => {
      asked.households.push(url.searchParams);
      return json(200, page([household]));
    },
    '/api/v1/people': ({ url }: FakeRequest) => {
      asked.people.push(url.searchParams);
      const q = url.searchParams.get('q');
      const members = [head, daughter];
      const found = q ? [...members, neighbour].filter((p) => p.name.includes(q)) : members;
      return json(200, personPage(url.searchParams.has('householdId') ? found.filter((p) => p.householdId === 31) : found));
    },
  });
  return asked;
}

describe('InvolvedFields', () => {
  it("offers the unit's households, then the chosen household's members, and sends their ids", async () => {
    const asked = stubBaseData();
    renderWithProviders(<Harness within={grid.id} />);

    expect(await openSelect('关联户')).toEqual(['赵建国 · 东塘村六组3号']);
    expect(asked.households.at(-1)?.get('within')).toBe('7');
    chooseOption('赵建国 · 东塘村六组3号');

    // The household's members, told apart by relation, age and the end of the masked ID number.
    await waitFor(() => expect(asked.people.at(-1)?.get('householdId')).toBe('31'));
    expect(await openSelect('关联人员')).toEqual(['赵建国 · 户主 · 56岁 · 1234', '赵小芳 · 女 · 14岁 · 1234']);
    chooseOption('赵小芳 · 女 · 14岁 · 1234');

    fireEvent.click(screen.getByRole('button', { name: 'send' }));
    await waitFor(() =>
      expect(screen.getByTestId('sent').textContent).toBe(JSON.stringify({ householdId: 31, personIds: [42] })),
    );
  });

  it('finds people by name without a household, and keeps a chosen person named while the list changes', async () => {
    const asked = stubBaseData();
    renderWithProviders(<Harness within={grid.id} />);

    const people = screen.getByRole('combobox', { name: '关联人员' });
    fireEvent.mouseDown(people);
    fireEvent.change(people, { target: { value: '小芳' } });
    await waitFor(() => expect(asked.people.at(-1)?.get('q')).toBe('小芳'));
    expect(asked.people.at(-1)?.get('householdId')).toBeNull();
    await waitFor(() => expect(document.body.textContent).toContain('钱小芳 · 30岁 · 5678'));
    chooseOption('钱小芳 · 30岁 · 5678');

    fireEvent.click(screen.getByRole('button', { name: 'send' }));
    await waitFor(() => expect(screen.getByTestId('sent').textContent).toBe(JSON.stringify({ personIds: [43] })));
    expect(screen.getByTestId('involved-people').textContent).toContain('钱小芳');
  });

  it('asks for the unit before listing households, and sends nothing when nothing is chosen', async () => {
    const asked = stubBaseData();
    renderWithProviders(<Harness within={undefined} />);

    expect(screen.getByText('请先选择所在单元')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'send' }));
    await waitFor(() => expect(screen.getByTestId('sent').textContent).toBe('{}'));
    expect(asked.households).toHaveLength(0);
    expect(asked.people).toHaveLength(0);
  });
});
