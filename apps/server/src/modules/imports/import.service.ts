/**
 * Imports from CSV or .xlsx, of one kind each (people, houses: import-kind.ts): checked up front
 * (format, headers), then run as a background job in batches of 5,000 rows (import-run.ts). Each
 * batch commits with the job's counters, so the counts always add up (inserted + updated + rejected
 * = rows read) and a crashed job resumes after its last batch. Rejected rows keep their original
 * cells (encrypted: people's hold ID numbers and phones) and a reason per cell; the error report is
 * written from them when it is downloaded. The uploaded file goes once the job is done, the rejected
 * rows when its retention ends (`purge`, daily).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import path from 'node:path';
import { Permission, type ImportJob } from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldCrypto } from '../../lib/field-crypto.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { ImportTakenOver } from './batch-commit.ts';
import { mapColumns } from './columns.ts';
import type { ImportKind } from './import-kind.ts';
import { importJobDto, writeErrorReport, writeTemplate } from './import.files.ts';
import { importRepo } from './import.repo.ts';
import { runImport } from './import-run.ts';
import { detectFormat, readHeader, refuse } from './readers.ts';

export { BATCH } from './import-run.ts';
/** Imports write base data: buildings and houses are written with the same right as people (places.routes.ts). */
const WRITE = Permission.PeopleWrite;
type JobRow = NonNullable<Awaited<ReturnType<typeof importRepo.find>>>;

export class ImportService {
  /** Set after the queue exists (main.ts); the CLI runs imports in process without it. */
  enqueue: ((importId: number, resume?: boolean) => Promise<unknown>) | null = null;

  constructor(
    readonly kind: ImportKind,
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

  /** The job, whatever its kind (the CLI's resume finds the kind from it). */
  async load(id: number) {
    return importRepo.find(this.db.db, id);
  }

  template(format: 'csv' | 'xlsx'): Promise<Buffer> {
    return writeTemplate(this.kind, format);
  }

  /** Checks the file and registers the job; `filePath` is moved into the imports directory. */
  async create(
    actor: Actor,
    input: { filePath: string; fileName: string; unitId: number; mode: 'insert' | 'upsert' },
  ): Promise<ImportJob> {
    const { unit } = await this.access.requireUnit(actor, WRITE, input.unitId);
    const format = await detectFormat(input.filePath);
    const header = await readHeader(input.filePath, format);
    const { missing, unknown } = mapColumns(this.kind.columns, header);
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
      const jobId = await importRepo.insert(tx, {
        kind: this.kind.name,
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
      });
      await this.audit.record(tx, actor, {
        action: `${this.kind.audit}.start`,
        objectType: 'import',
        objectId: jobId,
        unitId: unit.id,
        detail: { file: input.fileName, mode: input.mode },
      });
      return jobId;
    });
    if (this.enqueue) await this.enqueue(id);
    return this.#dto((await this.load(id))!);
  }

  async get(actor: Actor, id: number): Promise<ImportJob> {
    return this.#dto(await this.requireJob(actor, id));
  }

  async list(actor: Actor): Promise<ImportJob[]> {
    const rows = await importRepo.listInScope(this.db.db, this.access, actor, this.kind.name);
    return rows.map((r) => this.#dto(r));
  }

  /** A job of this kind in the actor's area; another kind's job is as unknown as a missing one. */
  private async requireJob(actor: Actor, id: number): Promise<JobRow> {
    const job = await this.load(id);
    const unit = job && job.kind === this.kind.name && (await importRepo.unitOf(this.db.db, job.unit_id));
    if (!job || !unit) return this.access.deny(actor, WRITE, { objectType: 'import', objectId: id });
    await this.access.requirePath(actor, WRITE, unit.path, { objectType: 'import', objectId: id, unitId: unit.id });
    return job;
  }

  /**
   * Resumes an import whose runner stopped (a crashed server: `stalled`, no progress for a while) or
   * failed, after its last committed batch. Should the old runner still be alive, the first of the
   * two to commit a batch goes on and the other stops (batch-commit.ts's check of rows_read).
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
      await importRepo.update(tx, id, { status: 'queued', message: null, updated_at: now });
      await this.audit.record(tx, actor, {
        action: `${this.kind.audit}.resume`,
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
      action: `${this.kind.audit}.errors`,
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
   * Ends the retention of this kind's jobs finished `retentionDays` ago: their rejected rows are
   * deleted and their uploaded file too, if a failed job still had it. Safe to run twice.
   */
  async purge(): Promise<number> {
    const now = this.clock.now();
    const jobs = await importRepo.expired(this.db.db, this.kind.name, new Date(now.getTime() - this.retentionDays * 86_400_000));
    for (const j of jobs) {
      await this.db.db.transaction().execute(async (tx) => {
        await importRepo.deleteRejections(tx, j.id);
        await importRepo.update(tx, j.id, { purged_at: now, updated_at: now });
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
    if (job.kind !== this.kind.name) throw new Error(`Import ${id} is a ${job.kind} import, not ${this.kind.name}`);
    if (job.status === 'done' || (job.status === 'failed' && !opts.resume)) return this.#dto(job);
    const scope = (await importRepo.unitOf(this.db.db, job.unit_id))!;
    const now = () => this.clock.now();
    await importRepo.update(this.db.db, id, { status: 'running', started_at: job.started_at ?? now(), updated_at: now() });
    try {
      await runImport(this.kind, job, {
        scopePath: scope.path,
        clock: this.clock,
        seal: (cells) => this.crypto.encrypt(JSON.stringify(cells)),
        onBatch: async () => onProgress?.(this.#dto((await this.load(id))!)),
      });
      await importRepo.update(this.db.db, id, { status: 'done', finished_at: now(), updated_at: now() });
      // Every row is in the database now (or among the rejections): the upload has done its job.
      await rm(job.file_path, { force: true });
    } catch (err) {
      // Another runner (a resume asked for while this one still lived) goes on with the job.
      if (err instanceof ImportTakenOver) return this.#dto((await this.load(id))!);
      const message =
        err instanceof AppError ? err.message : 'The import stopped on an unexpected error; the rows before it are saved.';
      await importRepo.update(this.db.db, id, { status: 'failed', message, finished_at: now(), updated_at: now() });
      if (!(err instanceof AppError)) throw err;
    }
    const done = this.#dto((await this.load(id))!);
    onProgress?.(done);
    return done;
  }
}
