/**
 * An import whose runner died (the server crashed mid-file) shows as stalled after five minutes
 * without progress and resumes from the browser after its last committed batch; two runners of one
 * import never both write: the second to commit a batch stops. Counts stay exact either way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/lib/id-number.ts';
import { systemActor } from '../src/modules/access/actor.ts';
import { BATCH } from '../src/modules/people/import/import.service.ts';
import { api, smallTree } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let t: Awaited<ReturnType<typeof smallTree>>;
beforeAll(async () => {
  rt = await testRuntime();
  t = await smallTree(rt);
  rt.services.peopleImport.enqueue = null; // runs in this process, as a worker would
});
afterAll(() => rt.close());

const peopleCount = async () =>
  Number(
    (
      await rt.db.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A file of `total` valid people (distinct numbers from birth year `year` on) and its job. */
async function jobFor(name: string, total: number, year: number) {
  const { peopleImport } = rt.services;
  const lines = [
    '姓名,公民身份号码,人口类型,所属单元编码',
    ...Array.from(
      { length: total },
      (_, i) =>
        `${name}${i},${makeIdNumber('430624', `${year + Math.floor(i / 999)}-02-02`, (i % 999) + 1)},户籍人口,${t.grid.code}`,
    ),
  ];
  mkdirSync(peopleImport.filesDir, { recursive: true });
  const file = `${peopleImport.filesDir}/${name}.csv`;
  writeFileSync(file, lines.join('\n'));
  return peopleImport.create(systemActor, { filePath: file, fileName: `${name}.csv`, unitId: t.village.id, mode: 'insert' });
}

async function until(id: number, status: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await rt.services.peopleImport.load(id))!;
    if (job.status === status) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} never became ${status}`);
}

describe('a stopped import', () => {
  it('is stalled after five minutes without progress and resumes from where it stopped', async () => {
    const before = await peopleCount();
    const total = Math.round(BATCH * 1.5);
    const job = await jobFor('续传', total, 1930);
    const { peopleImport } = rt.services;
    // The server dies after the first batch: the job stays "running", nobody runs it.
    await expect(
      peopleImport.run(job.id, () => {
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    await rt.db.db
      .updateTable('import_job')
      .set({ status: 'running', message: null, finished_at: null })
      .where('id', '=', job.id)
      .execute();
    const url = `/api/v1/people/imports/${job.id}`;
    expect((await api(t.official, 'GET', url)).body).toMatchObject({
      status: 'running',
      stalled: false,
      resumable: false,
      rowsRead: BATCH,
    });
    const early = await api(t.official, 'POST', `${url}/resume`);
    expect(early.status).toBe(409);
    expect(early.body.current).toMatchObject({ status: 'running' });

    rt.clock.advance(6 * 60_000);
    expect((await api(t.official, 'GET', url)).body).toMatchObject({ stalled: true, resumable: true });
    const resumed = await api(t.official, 'POST', `${url}/resume`);
    expect(resumed.status).toBe(202);
    expect(resumed.body).toMatchObject({ stalled: false });
    expect(['queued', 'running']).toContain(resumed.body.status);
    await until(job.id, 'done');
    expect((await api(t.official, 'GET', url)).body).toMatchObject({
      status: 'done',
      rowsRead: total,
      inserted: total,
      rejected: 0,
    });
    expect(await peopleCount()).toBe(before + total);
    expect((await api(t.official, 'POST', `${url}/resume`)).status).toBe(409);
    const audited = await rt.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'person.import.resume')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('lets only one of two runners of the same import write', async () => {
    const before = await peopleCount();
    const total = Math.round(BATCH * 2.5);
    const job = await jobFor('并发', total, 1960);
    const { peopleImport } = rt.services;
    const [a, b] = await Promise.all([peopleImport.run(job.id), peopleImport.run(job.id, undefined, { resume: true })]);
    const done = (await peopleImport.get(systemActor, job.id))!;
    expect(done).toMatchObject({ status: 'done', rowsRead: total, inserted: total, updated: 0, rejected: 0 });
    expect(await peopleCount()).toBe(before + total);
    // One of them finished the job; the other stopped when it found the counters moved.
    expect([a.status, b.status]).toContain('done');
    const rejections = await rt.db.db.selectFrom('import_rejection').select('id').where('import_id', '=', job.id).execute();
    expect(rejections).toHaveLength(0);
  });
});
