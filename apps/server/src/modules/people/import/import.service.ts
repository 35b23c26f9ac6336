/**
 * Imports of people from CSV or .xlsx: checked up front (format, headers), then run as a background
 * job in batches of 1,000 rows. Each batch commits with the job's counters, so the counts always add
 * up (inserted + updated + rejected = rows read) and a crashed job resumes after its last batch.
 * Rejected rows keep their original cells (encrypted: they hold ID numbers and phones) and a reason
 * per cell; the error report is written from them when it is downloaded. The uploaded file goes
 * once the job is done, the rejected rows when its retention ends (`purge`, daily).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import path from 'node:path';
import { Permission, type ImportJob } from '@wangge/contracts';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import type { FieldCrypto } from '../../../lib/field-crypto.ts';
import type { AccessService } from '../../access/access.service.ts';
import type { Actor } from '../../access/actor.ts';
import type { AuditService } from '../../audit/audit.service.ts';
import { todayOf } from '../../units/units.service.ts';
import { checkRows, type UnitCache } from './batch-checker.ts';
import { ImportTakenOver, writeBatch } from './batch-writer.ts';
import { mapHeaders } from './columns.ts';
import { importJobDto, writeErrorReport } from './import.files.ts';
import { detectFormat, readHeader, readRows, refuse } from './readers.ts';

export const BATCH = 5000;
type JobRow = NonNullable<Awaited<ReturnType<PeopleImportService['load']>>>;

export class PeopleImportService {
  /** Set after the queue exists (main.ts); the CLI runs imports in process without it. */
  enqueue: ((importId: number, resume?: boolean) => Promise<unknown>) | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly crypto: FieldCrypto,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    readonly filesDir: string,
    readonly retentionDays: number,
  ) {}

  #dto(job: JobRow): ImportJob {
    return importJobDto(job, this.clock.now(), this.retentionDays);
  }

  async load(id: number) {
    return this.db.db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Checks the file and registers the job; `filePath` is moved into the imports directory. */
  async create(
    actor: Actor,
    input: { filePath: string; fileName: string; unitId: number; mode: 'insert' | 'upsert' },
  ): Promise<ImportJob> {
    const { unit } = await this.access.requireUnit(actor, Permission.PeopleWrite, input.unitId);
    const format = await detectFormat(input.filePath);
    const header = await readHeader(input.filePath, format);
    const { missing, unknown } = mapHeaders(header);
    if (missing.length || unknown.length) {
      const parts = [
        missing.length ? `缺少必填列：${missing.join('、')}` : '',
        unknown.length ? `无法识别的列：${unknown.join('、')}` : '',
      ].filter(Boolean);
      // The columns named are the file's own (Chinese): the detail says it in Chinese, in any language.
      throw refuse('headers', `表头与模板不一致（${parts.join('；')}）。请下载模板，按模板的列名填写。`);
    }
    mkdirSync(this.filesDir, { recursive: true });
    const stored = path.join(this.filesDir, `${randomUUID()}.${format}`);
    await rename(input.filePath, stored);
    const now = this.clock.now();
    const id = await this.db.db.transaction().execute(async (tx) => {
      const r = await tx
        .insertInto('import_job')
        .values({
          kind: 'people',
          mode: input.mode,
          format,
          file_name: input.fileName.slice(0, 200),
          file_path: stored,
          file_bytes: (await stat(stored)).size,
          header: JSON.stringify(header),
          unit_id: unit.id,
          created_by: actor.userId,
          status: 'queued',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.audit.record(tx, actor, {
        action: 'person.import.start',
        objectType: 'import',
        objectId: r.id,
        unitId: unit.id,
        detail: { file: input.fileName, mode: input.mode },
      });
      return r.id;
    });
    if (this.enqueue) await this.enqueue(id);
    return this.#dto((await this.load(id))!);
  }

  async get(actor: Actor, id: number): Promise<ImportJob> {
    const job = await this.requireJob(actor, id);
    return this.#dto(job);
  }

  async list(actor: Actor): Promise<ImportJob[]> {
    const rows = await this.db.db
      .selectFrom('import_job as j')
      .innerJoin('unit as u', 'u.id', 'j.unit_id')
      .selectAll('j')
      .where(this.access.scopeCondition(actor, Permission.PeopleWrite, 'u.path'))
      .orderBy('j.id', 'desc')
      .limit(50)
      .execute();
    return rows.map((r) => this.#dto(r));
  }

  private async requireJob(actor: Actor, id: number): Promise<JobRow> {
    const job = await this.load(id);
    const unit =
      job && (await this.db.db.selectFrom('unit').select(['id', 'path']).where('id', '=', job.unit_id).executeTakeFirst());
    if (!job || !unit) return this.access.deny(actor, Permission.PeopleWrite, { objectType: 'import', objectId: id });
    await this.access.requirePath(actor, Permission.PeopleWrite, unit.path, {
      objectType: 'import',
      objectId: id,
      unitId: unit.id,
    });
    return job;
  }

  /**
   * Resumes an import whose runner stopped (a crashed server: `stalled`, no progress for a while) or
   * failed, after its last committed batch. Should the old runner still be alive, the first of the
   * two to commit a batch goes on and the other stops (batch-writer's check of rows_read).
   */
  async resume(actor: Actor, id: number): Promise<ImportJob> {
    const job = await this.requireJob(actor, id);
    const dto = this.#dto(job);
    if (!dto.resumable)
      throw AppError.conflict(job.status === 'done' ? `Import ${id} is finished` : `Import ${id} is still running`, {
        current: dto,
      });
    const now = this.clock.now();
    await this.db.db.transaction().execute(async (tx) => {
      await tx.updateTable('import_job').set({ status: 'queued', message: null, updated_at: now }).where('id', '=', id).execute();
      await this.audit.record(tx, actor, {
        action: 'person.import.resume',
        objectType: 'import',
        objectId: id,
        unitId: job.unit_id,
      });
    });
    if (this.enqueue) await this.enqueue(id, true);
    else void this.run(id, undefined, { resume: true }).catch(() => {}); // its outcome is on the job
    return this.#dto((await this.load(id))!);
  }

  /** The error report (.xlsx), written as it is sent; audited, like every view of personal data. */
  async errorReport(actor: Actor, id: number): Promise<Readable> {
    const job = await this.requireJob(actor, id);
    if (!this.#dto(job).hasErrorReport) throw AppError.notFound(`Error report of import ${id}`);
    await this.audit.record(this.db.db, actor, {
      action: 'person.import.errors',
      objectType: 'import',
      objectId: id,
      unitId: job.unit_id,
    });
    const out = new PassThrough();
    writeErrorReport(this.db, this.crypto, id, job.header, { stream: out }).catch((err: unknown) => out.destroy(err as Error));
    return out;
  }

  /** The error report into a file (the CLI writes it beside the file it imported). */
  async writeErrorReportFile(id: number, filename: string): Promise<void> {
    const job = await this.load(id);
    if (!job) throw AppError.notFound(`Import ${id}`);
    await writeErrorReport(this.db, this.crypto, id, job.header, { filename });
  }

  /**
   * Ends the retention of jobs finished `retentionDays` ago: their rejected rows (ID numbers,
   * phones) are deleted and their uploaded file too, if a failed job still had it. Safe to run twice.
   */
  async purge(): Promise<number> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - this.retentionDays * 86_400_000);
    const jobs = await this.db.db
      .selectFrom('import_job')
      .select(['id', 'file_path'])
      .where('status', 'in', ['done', 'failed'])
      .where('purged_at', 'is', null)
      .where('finished_at', '<', before)
      .execute();
    for (const j of jobs) {
      await this.db.db.transaction().execute(async (tx) => {
        await tx.deleteFrom('import_rejection').where('import_id', '=', j.id).execute();
        await tx.updateTable('import_job').set({ purged_at: now, updated_at: now }).where('id', '=', j.id).execute();
      });
      await rm(j.file_path, { force: true });
    }
    return jobs.length;
  }

  /**
   * Runs (or resumes) a job to the end, after the last committed batch. Safe to call twice: a
   * finished job is left as it is; a failed one resumes only when asked (a retry after a crash).
   */
  async run(id: number, onProgress?: (job: ImportJob) => void, opts: { resume?: boolean } = {}): Promise<ImportJob> {
    const job = await this.load(id);
    if (!job) throw AppError.notFound(`Import ${id}`);
    if (job.status === 'done' || (job.status === 'failed' && !opts.resume)) return this.#dto(job);
    const scope = await this.db.db.selectFrom('unit').select('path').where('id', '=', job.unit_id).executeTakeFirstOrThrow();
    await this.db.db
      .updateTable('import_job')
      .set({ status: 'running', started_at: job.started_at ?? this.clock.now(), updated_at: this.clock.now() })
      .where('id', '=', id)
      .execute();
    try {
      await this.process(job, scope.path, onProgress);
      await this.db.db
        .updateTable('import_job')
        .set({ status: 'done', finished_at: this.clock.now(), updated_at: this.clock.now() })
        .where('id', '=', id)
        .execute();
      // Every row is in the database now (or among the rejections): the upload has done its job.
      await rm(job.file_path, { force: true });
    } catch (err) {
      // Another runner (a resume asked for while this one still lived) goes on with the job.
      if (err instanceof ImportTakenOver) return this.#dto((await this.load(id))!);
      const message =
        err instanceof AppError ? err.message : 'The import stopped on an unexpected error; the rows before it are saved.';
      await this.db.db
        .updateTable('import_job')
        .set({ status: 'failed', message, finished_at: this.clock.now(), updated_at: this.clock.now() })
        .where('id', '=', id)
        .execute();
      if (!(err instanceof AppError)) throw err;
    }
    const done = this.#dto((await this.load(id))!);
    onProgress?.(done);
    return done;
  }

  private async process(job: JobRow, scopePath: string, onProgress?: (job: ImportJob) => void) {
    const src = readRows(job.file_path, job.format);
    const today = todayOf(this.clock);
    const units: UnitCache = new Map();
    let header: ReturnType<typeof mapHeaders> | null = null;
    let rowNumber = 0;
    const alreadyDone = job.rows_read;
    let pending: { rowNumber: number; cells: string[] }[] = [];
    // Two batches in flight: while one is written, the next is read and checked, so the database's
    // work and the JavaScript's (parsing, validation, encryption) overlap. Writes stay in file order,
    // one at a time: a batch commits only after the one before it, so resuming stays exact.
    let writing: Promise<void> | null = null;
    // What this runner expects the job's rows_read to be when its next batch commits.
    let committed = alreadyDone;
    const target = {
      id: job.id,
      mode: job.mode,
      scopePath,
      seal: (cells: string[]) => this.crypto.encrypt(JSON.stringify(cells)),
    };
    const flush = async () => {
      if (pending.length === 0) return;
      const rows = pending;
      pending = [];
      const checked = await checkRows({ db: this.db, crypto: this.crypto }, job, scopePath, rows, units, today, this.clock.now());
      if (writing) await writing;
      const batch = { ...checked, rowsRead: rows.length, rowsBefore: committed, bytesRead: src.bytesRead() };
      committed += rows.length;
      writing = writeBatch(this.db, target, batch, this.clock.now()).then(async () => {
        onProgress?.(this.#dto((await this.load(job.id))!));
      });
      writing.catch(() => {}); // awaited before the next batch or at the end, where it throws
    };
    for await (const cells of src.rows) {
      if (!header) {
        header = mapHeaders(cells);
        continue;
      }
      rowNumber++;
      if (rowNumber <= alreadyDone) continue; // resumed: these rows were committed before
      pending.push({ rowNumber, cells });
      if (pending.length >= BATCH) await flush();
    }
    await flush();
    if (writing) await writing;
    if (!header) throw refuse('noRows', 'The file has no header row');
  }
}
