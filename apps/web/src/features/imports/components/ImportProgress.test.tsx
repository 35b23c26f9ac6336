import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem, stubFetch, type FakeRequest } from '@/test/fetch.ts';
import { renderWithProviders } from '@/test/render.tsx';
import { job } from '../test/factories.ts';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportResult } from './ImportResult.tsx';

const stalled = job({ status: 'running', rowsRead: 5000, progress: 0.4, stalled: true, resumable: true });

describe('an interrupted import', () => {
  it('says it stopped, keeps the rows saved, and resumes it on 继续导入', async () => {
    const posted: FakeRequest[] = [];
    stubFetch({
      '/api/v1/people/imports/41/resume': (request) => {
        posted.push(request);
        return json(202, { ...stalled, status: 'queued', stalled: false, resumable: false });
      },
    });
    renderWithProviders(<ImportProgress job={stalled} />);
    const alert = screen.getByTestId('import-stalled');
    expect(alert.textContent).toContain('导入已中断');
    expect(alert.textContent).toContain('5,000 行不会重复导入');
    fireEvent.click(screen.getByTestId('import-resume'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]!.init?.method).toBe('POST');
  });

  it('shows why a resume was refused', async () => {
    stubFetch({ '/api/v1/people/imports/41/resume': () => problem(409, 'conflict') });
    renderWithProviders(<ImportResult job={job({ status: 'failed', rowsRead: 5000, inserted: 5000, resumable: true })} />);
    fireEvent.click(screen.getByTestId('import-resume'));
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toContain('数据已被他人修改'));
  });

  it('offers nothing to resume while an import makes progress', () => {
    renderWithProviders(<ImportProgress job={job({ status: 'running', rowsRead: 100, progress: 0.1 })} />);
    expect(screen.queryByTestId('import-stalled')).toBeNull();
    expect(screen.queryByTestId('import-resume')).toBeNull();
  });
});
