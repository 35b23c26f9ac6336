import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render.tsx';
import { job } from '../test/factories.ts';
import { ImportResult } from './ImportResult.tsx';

describe('ImportResult', () => {
  it('says the error report is gone when its retention has ended, instead of offering it', () => {
    renderWithProviders(
      <ImportResult
        job={job({ status: 'done', rowsRead: 10, inserted: 8, rejected: 2, progress: 1, finishedAt: '2026-03-02T08:00:05.000Z' })}
      />,
    );
    expect(screen.getByTestId('error-report-purged').textContent).toContain('错误报告已过保留期限');
    expect(screen.queryByText('下载错误报告')).toBeNull();
    expect(screen.queryByText('所有行均已导入')).toBeNull();
  });

  it('says every row went in when none was rejected', () => {
    renderWithProviders(<ImportResult job={job({ status: 'done', rowsRead: 3, inserted: 3, progress: 1 })} />);
    expect(screen.getByText('所有行均已导入')).toBeTruthy();
    expect(screen.queryByTestId('error-report-purged')).toBeNull();
  });
});
