/** Builds import jobs as the API answers them: valid by default, each test overrides what it is about. */
import type { ImportJob } from '@wangge/contracts';

export function job(overrides: Partial<ImportJob>): ImportJob {
  return {
    id: 41,
    kind: 'people',
    mode: 'upsert',
    format: 'xlsx',
    fileName: '东街社区人口.xlsx',
    fileBytes: 812_000,
    status: 'queued',
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    rejected: 0,
    rowsPerSecond: null,
    etaSeconds: null,
    progress: 0,
    message: null,
    stalled: false,
    resumable: false,
    hasErrorReport: false,
    errorReportUntil: null,
    createdAt: '2026-03-02T08:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}
