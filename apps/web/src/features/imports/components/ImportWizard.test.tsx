import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportJob } from '@wangge/contracts';
import { me, unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { json, problem, type FakeRequest } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';
import { POLL_MS } from '../api/get-import.ts';
import { job } from '../test/factories.ts';

const town = unit({ id: 2, kind: 'township', name: '欣山镇' });

const running = job({ status: 'running', rowsRead: 4200, progress: 0.42, rowsPerSecond: 2100, etaSeconds: 3 });
const done = job({
  status: 'done',
  rowsRead: 10_000,
  inserted: 9000,
  updated: 800,
  rejected: 200,
  progress: 1,
  hasErrorReport: true,
  errorReportUntil: '2026-03-16T08:00:05.000Z',
  finishedAt: '2026-03-02T08:00:05.000Z',
});

/** The import page with the server answering an upload with `answer` and then the job's states in turn. */
function renderImport(answer: () => Response, states: ImportJob[] = []) {
  const uploads: FakeRequest[] = [];
  const polled = [...states];
  stubUnitTree([town], {
    '/api/v1/auth/me': () => json(200, me('townshipOfficial', town)),
    '/api/v1/people/imports': (request) => {
      if (request.init?.method !== 'POST') return json(200, []);
      uploads.push(request);
      return answer();
    },
    '/api/v1/people/imports/41': () => json(200, polled.length > 1 ? polled.shift() : polled[0]),
  });
  renderApp('/people/import');
  return uploads;
}

async function uploadFile(name: string) {
  const box = await screen.findByTestId('import-upload');
  const input = box.querySelector<HTMLInputElement>('input[type=file]')!;
  const file = new File(['姓名,公民身份号码\n'], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  fireEvent.change(input, { target: { files: [file] } });
}

/** The import page with both kinds' endpoints answering; records what went where. */
function renderKinds(path: string) {
  const calls: string[] = [];
  const uploads: FakeRequest[] = [];
  const houses = job({ kind: 'houses', fileName: '东塘村房屋.xlsx' });
  const houseDone = { ...houses, ...done, kind: 'houses' as const, fileName: '东塘村房屋.xlsx' };
  stubUnitTree([town], {
    '/api/v1/auth/me': () => json(200, me('townshipOfficial', town)),
    '/api/v1/people/imports': () => {
      calls.push('people list');
      return json(200, [job({ id: 7, fileName: '人口花名册.xlsx', status: 'done', progress: 1 })]);
    },
    '/api/v1/houses/imports': (request) => {
      if (request.init?.method !== 'POST') {
        calls.push('houses list');
        return json(200, [{ ...houseDone, id: 8, fileName: '去年的房屋.xlsx' }]);
      }
      uploads.push(request);
      return json(202, houses);
    },
    '/api/v1/houses/imports/41': () => json(200, houseDone),
  });
  const view = renderApp(path);
  return { ...view, calls, uploads };
}

const hrefOf = (text: string) => screen.getByText(text).closest('a')?.getAttribute('href');

describe('import wizard', { timeout: 20_000 }, () => {
  beforeAll(() => import('@/app/routes/people.tsx'), 30_000);

  it('uploads with unit and mode, shows progress, then counts that add up and the error report', async () => {
    const uploads = renderImport(() => json(202, job({})), [running, done]);
    fireEvent.click(await screen.findByText('新增或更新'));
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await uploadFile('东街社区人口.xlsx');

    // The upload's answer is the queued job; the first poll finds it running.
    const progress = await screen.findByTestId('import-progress');
    expect(await within(progress).findByText('已读取 4,200 行')).toBeTruthy();
    expect(within(progress).getByText('2,100 行/秒')).toBeTruthy();
    expect(within(progress).getByText('预计还需 3 秒')).toBeTruthy();
    expect(within(progress).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42');

    const body = uploads[0]?.init?.body as FormData;
    expect(body.get('unitId')).toBe('2');
    expect(body.get('mode')).toBe('upsert');
    expect((body.get('file') as File).name).toBe('东街社区人口.xlsx');
    expect(uploads[0]?.init?.headers).toMatchObject({ 'X-CSRF-Token': 'csrf-test' });

    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    const result = await screen.findByTestId('import-result');
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(within(result).getByText('新增 9,000 + 更新 800 + 未导入 200 = 读取 10,000 行')).toBeTruthy();
    expect(within(result).getByTestId('import-rejected').textContent).toContain('200');
    const report = within(result).getByText('下载错误报告').closest('a');
    expect(report?.getAttribute('href')).toBe('/api/v1/people/imports/41/errors');
    expect(result.textContent).toContain('错误报告保留至 2026-03-16 16:00');
  });

  it("shows the server's reason when the header row does not match the template", async () => {
    const detail = '表头与模板不一致（缺少必填列：公民身份号码）。请下载模板，按模板的列名填写。';
    renderImport(() => problem(400, 'validation_failed', { detail, errors: [{ path: '/body/file', message: 'headers' }] }));
    await uploadFile('花名册.csv');

    const error = await screen.findByTestId('import-error');
    expect(within(error).getByText('文件未能导入')).toBeTruthy();
    expect(within(error).getByText(detail)).toBeTruthy();
    expect(within(error).getByText('花名册.csv')).toBeTruthy();
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });

  it('says the file is too large, with the limit the server gives', async () => {
    renderImport(() => problem(413, 'payload_too_large', { detail: 'The file is larger than 50 MB' }));
    await uploadFile('全县人口.xlsx');

    const error = await screen.findByTestId('import-error');
    expect(within(error).getByText('文件过大')).toBeTruthy();
    await waitFor(() => expect(within(error).getByText(/请拆分为多个文件.*The file is larger than 50 MB/)).toBeTruthy());
  });

  it("says in the user's language why a file that is not a spreadsheet was refused", async () => {
    renderImport(() =>
      problem(400, 'validation_failed', {
        detail: 'The Excel file cannot be read: invalid zip data',
        errors: [{ path: '/body/file', message: 'unreadable' }],
      }),
    );
    await uploadFile('照片.xlsx');

    const error = await screen.findByTestId('import-error');
    expect(within(error).getByText(/文件已损坏或不是有效的 Excel\/CSV 文件/)).toBeTruthy();
    expect(within(error).queryByText(/invalid zip data/)).toBeNull();
  });

  it('imports houses when 房屋 is chosen: its template, hints, upload, result and recent imports', async () => {
    const { calls, uploads, router } = renderKinds('/people/import');
    await screen.findByText('人口花名册.xlsx');
    expect(hrefOf('下载 Excel 模板')).toBe('/api/v1/people/import-template?format=xlsx');

    fireEvent.click(within(screen.getByTestId('import-kind')).getByText('房屋'));
    expect(await screen.findByText('去年的房屋.xlsx')).toBeTruthy();
    expect(screen.queryByText('人口花名册.xlsx')).toBeNull();
    expect(router.state.location.search).toBe('?kind=houses');
    expect(hrefOf('下载 Excel 模板')).toBe('/api/v1/houses/import-template?format=xlsx');
    expect(hrefOf('下载 CSV 模板')).toBe('/api/v1/houses/import-template?format=csv');
    expect(screen.getByText(/每套房屋一行/)).toBeTruthy();
    expect(screen.getByText('楼栋中已登记的房号不导入，记入错误报告')).toBeTruthy();
    // The mode's radio, not the recent list's mode column.
    fireEvent.click(screen.getAllByText('新增或更新').find((el) => el.closest('.ant-radio-wrapper'))!);
    expect(screen.getByText(/用文件中的建筑面积和房屋用途更新/)).toBeTruthy();

    await uploadFile('东塘村房屋.xlsx');
    const result = await screen.findByTestId('import-result');
    const body = uploads[0]?.init?.body as FormData;
    expect([body.get('unitId'), body.get('mode'), (body.get('file') as File).name]).toEqual(['2', 'upsert', '东塘村房屋.xlsx']);
    expect(within(result).getByText('新增 9,000 + 更新 800 + 未导入 200 = 读取 10,000 行')).toBeTruthy();
    expect(within(result).getByText('下载错误报告').closest('a')?.getAttribute('href')).toBe('/api/v1/houses/imports/41/errors');
    expect(router.state.location.search).toBe('?kind=houses&job=41');

    // Back to 人口: the people template and list, and no houses import watched.
    fireEvent.click(within(screen.getByTestId('import-kind')).getByText('人口'));
    expect(await screen.findByText('人口花名册.xlsx')).toBeTruthy();
    expect(screen.queryByTestId('import-result')).toBeNull();
    expect(router.state.location.search).toBe('');
    expect(hrefOf('下载 CSV 模板')).toBe('/api/v1/people/import-template?format=csv');
    expect(calls).toContain('houses list');
  });

  it('opens on the kind the URL names', async () => {
    renderKinds('/people/import?kind=houses');
    expect(await screen.findByText('去年的房屋.xlsx')).toBeTruthy();
    expect(hrefOf('下载 Excel 模板')).toBe('/api/v1/houses/import-template?format=xlsx');
  });
});
