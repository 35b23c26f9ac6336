/**
 * Imports of people from CSV or .xlsx: checked up front (format, headers), then run as a background
 * job in batches of 1,000 rows. Each batch commits with the job's counters, so the counts always add
 * up (inserted + updated + rejected = rows read) and a crashed job resumes after its last batch.
 * Rejected rows keep their original cells and a reason per cell, for a downloadable error report.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { householdUnitKinds, Permission, type ImportJob, type UnitKind } from '@wangge/contracts';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import type { FieldCrypto } from '../../../lib/field-crypto.ts';
import type { AccessService } from '../../access/access.service.ts';
import type { Actor } from '../../access/actor.ts';
import type { AuditService } from '../../audit/audit.service.ts';
import { todayOf } from '../../units/units.service.ts';
import { checkPerson } from '../person-rules.ts';
import { stageRows, writeBatch, type BadRow, type GoodRow } from './batch-writer.ts';
import { mapHeaders } from './columns.ts';
import { importJobDto, writeErrorReport } from './import.files.ts';
import { detectFormat, readHeader, readRows } from './readers.ts';
import { parseRow, ruleProblem } from './row-parser.ts';

export const BATCH = 5000;
type JobRow = NonNullable<Awaited<ReturnType<PeopleImportService['load']>>>;

export class PeopleImportService {
  /** Set after the queue exists (main.ts); the CLI runs imports in process without it. */
  enqueue: ((importId: number) => Promise<unknown>) | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly crypto: FieldCrypto,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    readonly filesDir: string,
  ) {}

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
      throw AppError.badRequest(`表头与模板不一致（${parts.join('；')}）。请下载模板，按模板的列名填写。`, [
        { path: '/body/file', message: parts.join('; ') },
      ]);
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
    return importJobDto((await this.load(id))!, this.clock.now());
  }

  async get(actor: Actor, id: number): Promise<ImportJob> {
    const job = await this.requireJob(actor, id);
    return importJobDto(job, this.clock.now());
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
    return rows.map((r) => importJobDto(r, this.clock.now()));
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

  async errorReportPath(actor: Actor, id: number): Promise<string> {
    const job = await this.requireJob(actor, id);
    if (!job.error_report_path) throw AppError.notFound(`Error report of import ${id}`);
    await this.audit.record(this.db.db, actor, {
      action: 'person.import.errors',
      objectType: 'import',
      objectId: id,
      unitId: job.unit_id,
    });
    return job.error_report_path;
  }

  /**
   * Runs (or resumes) a job to the end, after the last committed batch. Safe to call twice: a
   * finished job is left as it is; a failed one resumes only when asked (a retry after a crash).
   */
  async run(id: number, onProgress?: (job: ImportJob) => void, opts: { resume?: boolean } = {}): Promise<ImportJob> {
    const job = await this.load(id);
    if (!job) throw AppError.notFound(`Import ${id}`);
    if (job.status === 'done' || (job.status === 'failed' && !opts.resume)) return importJobDto(job, this.clock.now());
    const scope = await this.db.db.selectFrom('unit').select('path').where('id', '=', job.unit_id).executeTakeFirstOrThrow();
    await this.db.db
      .updateTable('import_job')
      .set({ status: 'running', started_at: job.started_at ?? this.clock.now(), updated_at: this.clock.now() })
      .where('id', '=', id)
      .execute();
    try {
      await this.process(job, scope.path, onProgress);
      const report = job.file_path.replace(/\.(csv|xlsx)$/, '.errors.xlsx');
      const rejected = (await this.load(id))!.rejected;
      if (rejected > 0) await writeErrorReport(this.db, id, job.header, report);
      await this.db.db
        .updateTable('import_job')
        .set({
          status: 'done',
          finished_at: this.clock.now(),
          updated_at: this.clock.now(),
          error_report_path: rejected > 0 ? report : null,
        })
        .where('id', '=', id)
        .execute();
    } catch (err) {
      const message =
        err instanceof AppError ? err.message : 'The import stopped on an unexpected error; the rows before it are saved.';
      await this.db.db
        .updateTable('import_job')
        .set({ status: 'failed', message, finished_at: this.clock.now(), updated_at: this.clock.now() })
        .where('id', '=', id)
        .execute();
      if (!(err instanceof AppError)) throw err;
    }
    const done = importJobDto((await this.load(id))!, this.clock.now());
    onProgress?.(done);
    return done;
  }

  private async process(job: JobRow, scopePath: string, onProgress?: (job: ImportJob) => void) {
    const src = readRows(job.file_path, job.format);
    const today = todayOf(this.clock);
    const units = new Map<string, { id: number; ok: boolean } | null>();
    let header: ReturnType<typeof mapHeaders> | null = null;
    let rowNumber = 0;
    const alreadyDone = job.rows_read;
    let pending: { rowNumber: number; cells: string[] }[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      await this.writeRows(job, scopePath, pending, units, today, src.bytesRead());
      pending = [];
      onProgress?.(importJobDto((await this.load(job.id))!, this.clock.now()));
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
    if (!header) throw AppError.badRequest('The file has no header row');
  }

  private async writeRows(
    job: JobRow,
    scopePath: string,
    rows: { rowNumber: number; cells: string[] }[],
    units: Map<string, { id: number; ok: boolean } | null>,
    today: string,
    bytesRead: number,
  ) {
    const index = mapHeaders(job.header).index;
    const parsed = rows.map((r) => ({ ...r, p: parseRow(r.cells, index) }));
    const unknownCodes = [...new Set(parsed.map((r) => r.p.unitCode).filter((c) => c && !units.has(c)))];
    if (unknownCodes.length) {
      const found = await this.db.db
        .selectFrom('unit')
        .select(['id', 'code', 'path', 'kind', 'status'])
        .where('code', 'in', unknownCodes)
        .execute();
      for (const c of unknownCodes) {
        const u = found.find((f) => f.code === c);
        units.set(
          c,
          u
            ? {
                id: u.id,
                ok:
                  u.status === 'active' &&
                  (u.path === scopePath || u.path.startsWith(`${scopePath}.`)) &&
                  householdUnitKinds.includes(u.kind as UnitKind),
              }
            : null,
        );
      }
    }
    const householdIds = [...new Set(parsed.map((r) => r.p.householdId).filter((h): h is number => h !== undefined))];
    const households = new Map(
      (householdIds.length
        ? await this.db.db.selectFrom('household').select(['id', 'unit_id']).where('id', 'in', householdIds).execute()
        : []
      ).map((h) => [h.id, h.unit_id]),
    );
    const good: GoodRow[] = [];
    const bad: BadRow[] = [];
    const seen = new Map<string, number>();
    for (const r of parsed) {
      const reasons = [...r.p.problems];
      const unit = r.p.unitCode ? units.get(r.p.unitCode) : undefined;
      if (r.p.unitCode && (!unit || !unit.ok))
        reasons.push({ column: '所属单元编码', message: '单元编码不存在、不在您的管辖范围内，或不是网格/微网格/联户' });
      if (r.p.householdId !== undefined && unit?.ok && households.get(r.p.householdId) !== unit.id) {
        reasons.push({ column: '户编号', message: '户编号不存在，或该户不在所填单元' });
      }
      const checked = checkPerson(r.p.fields, this.crypto, today);
      if (!checked.ok)
        for (const p of checked.problems)
          if (!reasons.some((x) => x.column === ruleProblem(p.field, p.message).column))
            reasons.push(ruleProblem(p.field, p.message));
      if (checked.ok) {
        const first = seen.get(checked.row.id_number_bidx);
        if (first !== undefined) reasons.push({ column: '公民身份号码', message: `与第 ${first} 行的公民身份号码重复` });
        else seen.set(checked.row.id_number_bidx, r.rowNumber);
      }
      if (reasons.length || !checked.ok || !unit) bad.push({ rowNumber: r.rowNumber, cells: r.cells, reasons });
      else
        good.push({
          rowNumber: r.rowNumber,
          cells: r.cells,
          row: { ...checked.row, unit_id: unit.id, household_id: r.p.householdId ?? null },
        });
    }
    await stageRows(this.db, job.id, good, this.clock.now());
    await this.db.db.transaction().execute(async (tx) => {
      const counts = await writeBatch(tx, { id: job.id, mode: job.mode, scopePath }, good, bad);
      await tx
        .updateTable('import_job')
        .set((eb) => ({
          rows_read: eb('rows_read', '+', rows.length),
          inserted: eb('inserted', '+', counts.inserted),
          updated: eb('updated', '+', counts.updated),
          rejected: eb('rejected', '+', counts.rejected),
          bytes_read: bytesRead,
          updated_at: this.clock.now(),
        }))
        .where('id', '=', job.id)
        .execute();
    });
  }
}
