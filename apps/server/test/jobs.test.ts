import { sql } from 'kysely';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineJob } from '../src/jobs/queue.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

const seen: string[] = [];
const recordJob = defineJob({
  name: 'test.record',
  payload: Type.Object({ key: Type.String() }, { additionalProperties: false }),
  // Idempotent: writing the same key twice leaves one row.
  handler: async ({ key }) => {
    seen.push(key);
    await sql`insert into job_probe (key) values (${key}) on conflict do nothing`.execute(rt.db.db);
  },
});

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime({}, { extraJobs: [recordJob] });
  await sql`create table job_probe (key text primary key)`.execute(rt.db.db);
});
afterAll(() => rt.close());

describe('job queue (pg-boss)', () => {
  it('runs a sent job through pg-boss on this database', async () => {
    const id = await rt.jobs.send(recordJob, { key: 'a' });
    expect(id).toBeTruthy();
    await rt.jobs.drain('test.record');
    const { rows } = await sql<{ key: string }>`select key from job_probe`.execute(rt.db.db);
    expect(rows).toEqual([{ key: 'a' }]);
  });

  it('refuses a payload that does not match the job schema', async () => {
    await expect(rt.jobs.send(recordJob, { key: 1 } as never)).rejects.toThrow(/Invalid payload for job test.record/);
  });
});
