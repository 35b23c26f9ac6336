import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Household, Me, Person } from '@wangge/contracts';
import dayjs from 'dayjs';
import { me, page, ref, unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { json, problem, type FakeRequest } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';
import { chooseOption } from '@/test/select.ts';
import { person, personPage, profile } from '../test/factories.ts';
import { ageOn, checkCharacter } from '../utils/id-document.ts';

const town = unit({ id: 2, kind: 'township', name: '欣山镇', childCount: 1 });
const village = unit({ id: 4, kind: 'village', name: '东街社区', parentId: 2, childCount: 1 });
const grid = unit({ id: 7, kind: 'grid', name: '东街一网格', parentId: 4 });
const household: Household = {
  id: 301,
  unit: ref(grid),
  address: '东街社区3组12号',
  headName: '王桂兰',
  memberCount: 2,
  updatedAt: '2026-03-01T08:00:00.000Z',
};

const first17 = '43062419580402122';
/** A woman born 2 April 1958 (even sequence), with the right check character. */
const liId = first17 + checkCharacter(first17);

const wang = person({
  id: 21,
  name: '王桂兰',
  sex: 'female',
  unit: ref(grid),
  householdId: 301,
  relationToHead: '户主',
  idNumber: '430***********1234',
  phone: '139****0021',
  occupation: '务农',
  flags: ['leftBehindElderly'],
  version: 3,
});
const wangProfile = (p: Person) =>
  profile(p, { household: { id: 301, address: household.address, headName: household.headName, members: [] } });

interface Server {
  posts: unknown[];
  patches: unknown[];
}

/** The app with the people endpoints; `answer` decides each write's reply. */
function renderAt(path: string, answer: Me, write: (body: unknown, server: Server) => Response, profiles: Person[] = [wang]) {
  const server: Server = { posts: [], patches: [] };
  let reads = 0;
  const fetchMock = stubUnitTree([town, village, grid], {
    '/api/v1/auth/me': () => json(200, answer),
    '/api/v1/households': () => json(200, page([household])),
    '/api/v1/tickets': () => json(200, page([])),
    '/api/v1/people': ({ init }: FakeRequest) => {
      if (init?.method !== 'POST') return json(200, personPage([wang]));
      server.posts.push(JSON.parse(String(init.body)));
      return write(server.posts.at(-1), server);
    },
    '/api/v1/people/21': ({ init }: FakeRequest) => {
      if (init?.method === 'PATCH') {
        server.patches.push(JSON.parse(String(init.body)));
        return write(server.patches.at(-1), server);
      }
      // Each read answers the next state of the record (someone else may have saved in between).
      return json(200, wangProfile(profiles[Math.min(reads++, profiles.length - 1)]!));
    },
    '/api/v1/people/88': () => json(200, profile(person({ id: 88, name: '李秀英', unit: ref(grid) }))),
  });
  const view = renderApp(path);
  const asked = (p: string) => fetchMock.mock.calls.some(([input]) => String(input) === p);
  return { server, router: view.router, asked };
}

const field = (name: string) => document.getElementById(`person_${name}`) as HTMLInputElement | null;
const type = (name: string, value: string) => fireEvent.change(field(name)!, { target: { value } });
/** The error antd shows under a field. */
const errorOf = (name: string) =>
  field(name)?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain-error')?.textContent ?? null;

/** Opens the form's select by its field and returns the labels offered (no role queries: slow on antd). */
async function openField(name: string) {
  const input = field(name)!;
  fireEvent.mouseDown(input);
  const popup = await waitFor(() => {
    const list = document.getElementById(input.getAttribute('aria-controls') ?? '');
    const dropdown = list?.closest<HTMLElement>('.ant-select-dropdown');
    expect(dropdown?.querySelector('.ant-select-item-option')).toBeTruthy();
    return dropdown!;
  });
  return [...popup.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
}

const submit = () => fireEvent.click(screen.getByTestId('person-form-submit'));

async function openRegister() {
  fireEvent.click(await screen.findByTestId('register-person'));
  await waitFor(() => expect(field('name')).toBeTruthy());
}

describe('the person form', { timeout: 30_000 }, () => {
  beforeAll(() => import('@/app/routes/people.tsx'), 30_000);

  it('registers with a resident ID: shows what the number says as it is typed, sends exactly the form, opens the profile', async () => {
    const { server, router } = renderAt('/people?within=7', me('gridLeader', grid), () =>
      json(201, person({ id: 88, name: '李秀英', unit: ref(grid) })),
    );
    await openRegister();
    // Only 境外人员 may carry other documents; the unit defaults to the scope; the document's facts are not asked.
    expect(await openField('idType')).toEqual(['居民身份证']);
    expect(field('sex')).toBeNull();
    expect(field('birthDate')).toBeNull();

    type('name', ' 李秀英 ');
    type('idNumber', first17.slice(0, 10));
    expect(screen.getByText('输入 18 位号码后自动识别性别、出生日期和年龄')).toBeTruthy();
    type('idNumber', first17 + (liId[17] === '0' ? '1' : '0'));
    expect((await screen.findByTestId('person-form-id-problem')).textContent).toBe('校验码不符，请核对号码');
    type('idNumber', liId);
    const age = ageOn('1958-04-02', dayjs().format('YYYY-MM-DD'));
    expect((await screen.findByTestId('person-form-derived')).textContent).toBe(`女 · 1958-04-02 出生 · ${age} 岁`);

    type('phone', '13912345678');
    type('address', '东街社区3组12号');
    await openField('flags');
    chooseOption('留守老人');
    submit();

    await waitFor(() => expect(server.posts).toHaveLength(1));
    expect(server.posts[0]).toEqual({
      unitId: 7,
      name: '李秀英',
      idType: 'residentId',
      idNumber: liId,
      residenceType: 'registered',
      phone: '13912345678',
      address: '东街社区3组12号',
      flags: ['leftBehindElderly'],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/people/88'));
  });

  it('registers a foreigner with a passport: offered only for 境外人员, asks the sex and birth date', async () => {
    const { server } = renderAt('/people?within=7', me('gridLeader', grid), () =>
      json(201, person({ id: 88, name: 'Anna Müller', unit: ref(grid) })),
    );
    await openRegister();
    type('name', 'Anna Müller');
    await openField('residenceType');
    chooseOption('境外人员');
    expect(await openField('idType')).toEqual([
      '居民身份证',
      '港澳台居民居住证',
      '外国人永久居留身份证',
      '护照',
      '往来内地通行证',
    ]);
    chooseOption('护照');
    await waitFor(() => expect(field('sex')).toBeTruthy());
    expect(screen.queryByTestId('person-form-derived')).toBeNull();
    type('idNumber', 'e12345678');

    // Both asked: refused until given.
    submit();
    await waitFor(() => expect(errorOf('sex')).toBe('请选择性别'));
    expect(errorOf('birthDate')).toBe('请选择出生日期');
    await openField('sex');
    chooseOption('女');
    fireEvent.mouseDown(field('birthDate')!);
    type('birthDate', '1990-05-06');
    fireEvent.keyDown(field('birthDate')!, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(errorOf('birthDate')).toBeNull());
    submit();

    await waitFor(() => expect(server.posts).toHaveLength(1));
    expect(server.posts[0]).toEqual({
      unitId: 7,
      name: 'Anna Müller',
      idType: 'passport',
      idNumber: 'E12345678',
      sex: 'female',
      birthDate: '1990-05-06',
      residenceType: 'foreign',
    });
  });

  it('asks for a grid when the scope is a village: a person belongs to a grid, micro-grid or household group', async () => {
    const { server } = renderAt('/people?within=4', me('villageOfficial', village), () => json(500, {}));
    await openRegister();
    await waitFor(() => expect(errorOf('unitId')).toBe('人员应登记在网格、微网格或联户单元下，请选择下级单元'));
    type('name', '李秀英');
    type('idNumber', liId);
    submit();
    // Refused in the form: the validation settles with the unit's error and nothing is sent.
    await waitFor(() => expect(document.querySelector('.ant-form-item-has-error')).toBeTruthy());
    await act(() => Promise.resolve());
    expect(errorOf('unitId')).toBe('人员应登记在网格、微网格或联户单元下，请选择下级单元');
    expect(server.posts).toHaveLength(0);
  });

  it("puts the server's field errors beside the fields, in Chinese where the reason is known", async () => {
    const { server } = renderAt('/people?within=7', me('gridLeader', grid), (_body, s) =>
      s.posts.length === 1
        ? problem(400, 'validation_failed', {
            errors: [
              { path: '/body/idNumber', message: 'ID number starts with an unknown region code' },
              { path: '/body/householdId', message: 'not in this unit' },
              { path: '/body/occupation', message: 'something new the form does not know' },
            ],
          })
        : problem(409, 'conflict', { errors: [{ path: '/body/idNumber', message: 'already registered' }] }),
    );
    await openRegister();
    type('name', '李秀英');
    type('idNumber', liId);
    type('occupation', '退休');
    await openField('household');
    chooseOption('王桂兰 · 东街社区3组12号');
    type('relationToHead', '女');
    submit();

    await waitFor(() => expect(errorOf('idNumber')).toBe('号码前 6 位不是有效的行政区划代码'));
    expect(errorOf('household')).toBe('此户不在所选单元');
    expect(errorOf('occupation')).toBe('something new the form does not know');
    expect(screen.getByTestId('person-form-error')).toBeTruthy();
    expect(server.posts[0]).toMatchObject({ householdId: 301, relationToHead: '女', occupation: '退休' });

    // One person per ID number.
    submit();
    await waitFor(() => expect(errorOf('idNumber')).toBe('此证件号码已登记'));
    expect(server.posts).toHaveLength(2);
  });

  it('edits: the ID number shown masked and fixed, only the changed fields sent with the version read', async () => {
    const { server } = renderAt('/people/21', me('gridLeader', grid), () => json(200, { ...wang, version: 4 }));
    fireEvent.click(await screen.findByTestId('edit-person'));
    await waitFor(() => expect(field('name')).toBeTruthy());
    expect(screen.getByTestId('person-form-id-number').textContent).toBe('430***********1234');
    expect(field('idNumber')).toBeNull();
    expect(field('sex')).toBeNull();
    expect(field('phone')!.value).toBe('139****0021');
    expect(field('name')!.value).toBe('王桂兰');

    type('phone', '13700001111');
    type('occupation', '');
    type('address', '东街社区3组12号'); // the same as loaded: not a change
    submit();

    await waitFor(() => expect(server.patches).toHaveLength(1));
    expect(server.patches[0]).toEqual({ phone: '13700001111', occupation: null, version: 3 });
    await waitFor(() => expect(field('name')).toBeNull());
  });

  it('a stale version (409) says so, reloads the latest with the change kept, and saves on the new version', async () => {
    const theirs = { ...wang, address: '东街社区5组1号', version: 4 };
    const { server } = renderAt(
      '/people/21',
      me('gridLeader', grid),
      (_body, s) => (s.patches.length === 1 ? problem(409, 'stale_version') : json(200, { ...theirs, version: 5 })),
      [wang, theirs],
    );
    fireEvent.click(await screen.findByTestId('edit-person'));
    await waitFor(() => expect(field('phone')).toBeTruthy());
    type('phone', '13700001111');
    submit();

    expect((await screen.findByTestId('person-form-stale')).textContent).toContain('此人员信息已被他人修改');
    expect(screen.getByTestId('person-form-submit').hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByTestId('person-form-reload'));
    // Their address, my phone.
    await waitFor(() => expect(field('address')!.value).toBe('东街社区5组1号'));
    expect(field('phone')!.value).toBe('13700001111');
    expect(screen.queryByTestId('person-form-stale')).toBeNull();
    submit();

    await waitFor(() => expect(server.patches).toHaveLength(2));
    expect(server.patches[1]).toEqual({ phone: '13700001111', version: 4 });
  });

  it('offers no 登记人员 to one who may not write people in the scope', async () => {
    const { asked } = renderAt('/people?within=2', me('countyLeader', town), () => json(500, {}));
    await waitFor(() => expect(document.querySelector('a[aria-label="查看 王桂兰 的详情"]')).toBeTruthy());
    await waitFor(() => expect(asked('/api/v1/units/2')).toBe(true));
    await act(() => Promise.resolve());
    expect(screen.queryByTestId('register-person')).toBeNull();
  });

  it('offers no 编辑 to one who may not write people', async () => {
    const { asked } = renderAt('/people/21', me('countyLeader', town), () => json(500, {}));
    await screen.findByTestId('person-idNumber');
    // Editing is granted per unit: the person's unit (with its ancestors) decides.
    await waitFor(() => expect(asked('/api/v1/units/7')).toBe(true));
    await waitFor(() => expect(screen.queryByTestId('person-tickets')).toBeTruthy());
    expect(screen.queryByTestId('edit-person')).toBeNull();
  });
});
