import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UnitKind } from '@wangge/contracts';
import { page, staff, unit, assignment } from '@/test/factories.ts';
import { json, problem, stubFetch, type FakeRequest } from '@/test/fetch.ts';
import { renderWithProviders } from '@/test/render.tsx';
import { chooseOption, openSelect } from '@/test/select.ts';
import { AssignStaffButton } from './AssignStaffButton.tsx';

const grid = unit({ id: 7, kind: 'grid', name: '东街一网格' });
const zhang = staff({ id: 21, name: '张建国', phone: '138****0001' });

function bodyOf(request: FakeRequest) {
  return JSON.parse(String(request.init?.body)) as Record<string, unknown>;
}

async function rolesOffered(kind: UnitKind) {
  stubFetch({});
  renderWithProviders(<AssignStaffButton unit={unit({ kind, name: '某单元' })} />);
  fireEvent.click(screen.getByRole('button', { name: '任命人员' }));
  return openSelect('岗位');
}

describe('AssignStaffButton', () => {
  it('offers at a grid only the roles held at a grid', async () => {
    expect(await rolesOffered('grid')).toEqual([
      '网格长',
      '网格员',
      '网格指导员',
      '网格联络员',
      '村(居)民代表',
      '网格信息员',
      '公益岗位',
    ]);
  });

  it('offers at a micro-grid the micro-grid roles, and no grid leader', async () => {
    expect(await rolesOffered('microGrid')).toEqual(['微网格员', '联户长/邻长', '村(居)民代表']);
  });

  it('explains that a township holds no grid roles instead of offering a form', () => {
    stubFetch({});
    renderWithProviders(<AssignStaffButton unit={unit({ kind: 'township', name: '欣山镇' })} />);
    expect(screen.queryByRole('button', { name: '任命人员' })).toBeNull();
    expect(screen.getByText('乡镇/街道级不设网格岗位，请在网格、微网格等单元任命')).toBeTruthy();
  });

  it("shows the server's 409 answer when the grid already has a grid leader", async () => {
    const posted: Record<string, unknown>[] = [];
    stubFetch({
      '/api/v1/staff': ({ url }) => json(200, page(url.searchParams.get('q') === '张' ? [zhang] : [])),
      '/api/v1/assignments': (request) => {
        posted.push(bodyOf(request));
        return problem(409, 'conflict', {
          detail: '东街一网格 already has an active grid leader; end that assignment first',
          errors: [{ path: '/body/role', message: 'second active grid leader' }],
        });
      },
    });
    renderWithProviders(<AssignStaffButton unit={grid} />);
    fireEvent.click(screen.getByRole('button', { name: '任命人员' }));

    fireEvent.change(screen.getByRole('combobox', { name: '人员' }), { target: { value: '张' } });
    await waitFor(() => expect(document.querySelector('.ant-select-item-option')?.textContent).toContain('张建国'));
    chooseOption('张建国  138****0001');
    await openSelect('岗位');
    chooseOption('网格长');
    fireEvent.click(screen.getByRole('button', { name: '确认任命' }));

    const alert = await screen.findByTestId('assign-error');
    expect(within(alert).getByText('该网格已有在任网格长，请先结束其任职')).toBeTruthy();
    expect(within(alert).getByText('东街一网格 already has an active grid leader; end that assignment first')).toBeTruthy();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ staffId: 21, unitId: 7, role: 'gridLeader' });
    expect(posted[0]?.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The form stays open with the choices kept, so the official can pick another role.
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('adds a new person first, then assigns them', async () => {
    const calls: string[] = [];
    const li = staff({ id: 33, name: '李秀英', phone: '139****5678' });
    stubFetch({
      '/api/v1/staff': (request) => {
        calls.push(`staff ${JSON.stringify(bodyOf(request))}`);
        return json(201, li);
      },
      '/api/v1/assignments': (request) => {
        calls.push(`assign ${JSON.stringify(bodyOf(request))}`);
        return json(201, assignment(li, grid, { role: 'gridWorker' }));
      },
    });
    renderWithProviders(<AssignStaffButton unit={grid} />);
    fireEvent.click(screen.getByRole('button', { name: '任命人员' }));

    fireEvent.click(screen.getByText('新建人员'));
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '李秀英' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13912345678' } });
    await openSelect('岗位');
    chooseOption('网格员');
    fireEvent.click(screen.getByRole('button', { name: '确认任命' }));

    expect(await screen.findByText('已任命 李秀英 为网格员')).toBeTruthy();
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe('staff {"unitId":7,"name":"李秀英","phone":"13912345678"}');
    expect(calls[1]).toContain('"staffId":33');
    expect(calls[1]).toContain('"role":"gridWorker"');
  });

  it('refuses a malformed phone number before calling the server', async () => {
    const fetchMock = stubFetch({});
    renderWithProviders(<AssignStaffButton unit={grid} />);
    fireEvent.click(screen.getByRole('button', { name: '任命人员' }));
    fireEvent.click(screen.getByText('新建人员'));
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王五' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: '确认任命' }));

    expect(await screen.findByText('请输入 11 位手机号')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
