/**
 * `wangge import people FILE --unit CODE [--mode upsert]` and `wangge import houses FILE …`: an
 * import with progress on stderr and the result as JSON on stdout; `wangge import resume ID`:
 * finishes an import of either kind whose process stopped (it goes on after the last committed
 * batch, so nothing is lost or written twice). The error report goes beside the imported file.
 */
import { copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import type { ImportJob, ImportKindName } from '@wangge/contracts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { FieldCrypto, loadOrCreateKeyRing } from './lib/field-crypto.ts';
import { systemClock } from './lib/clock.ts';
import { systemActor } from './modules/access/actor.ts';
import { unitsRepo } from './modules/units/units.repo.ts';
import { createServices } from './services.ts';

type Open = () => Promise<{ cfg: Config; db: Db }>;
type Services = ReturnType<typeof createServices>;

const importer = (s: Services, kind: ImportKindName) => (kind === 'people' ? s.peopleImport : s.houseImport);
const kinds: { kind: ImportKindName; what: string; upsert: string; template: string }[] = [
  {
    kind: 'people',
    what: 'people',
    upsert: 'insert (skip people already registered) or upsert (update them by ID number)',
    template: '/api/v1/people/import-template',
  },
  {
    kind: 'houses',
    what: 'houses, one per row with its building (created once, or reused when registered)',
    upsert: 'insert (skip houses already registered) or upsert (update their area and use, by building and 房号)',
    template: '/api/v1/houses/import-template',
  },
];

function progress(j: ImportJob) {
  const eta = j.etaSeconds === null ? '' : `, about ${j.etaSeconds} s left`;
  process.stderr.write(
    `\r${(j.progress * 100).toFixed(0).padStart(3)}%  ${j.rowsRead} rows  ${j.rowsPerSecond ?? 0} rows/s${eta}      `,
  );
}

/** Runs (or resumes) a job to its end, writes the error report to `reportBase.errors.xlsx`, prints the result. */
async function runToEnd(services: Services, kind: ImportKindName, id: number, reportBase: string, resume: boolean) {
  const imports = importer(services, kind);
  const done = await imports.run(id, progress, { resume });
  process.stderr.write('\n');
  const report = done.hasErrorReport ? `${reportBase}.errors.xlsx` : null;
  if (report) await imports.writeErrorReportFile(done.id, report);
  const { status, rowsRead, inserted, updated, rejected, message } = done;
  console.log(JSON.stringify({ id, status, rowsRead, inserted, updated, rejected, errorReport: report, message }, null, 2));
}

export function registerImportCommands(program: Command, openMigrated: Open) {
  const importCmd = program.command('import').description('bulk imports');
  const services = (cfg: Config, db: Db) =>
    createServices(db, systemClock, new FieldCrypto(loadOrCreateKeyRing(cfg.keyFile)), cfg);

  for (const k of kinds)
    importCmd
      .command(`${k.kind} <file>`)
      .description(`import ${k.what} from a CSV or .xlsx file (template: GET ${k.template})`)
      .requiredOption('--unit <code>', 'code of the unit the import is for (rows must lie inside it)')
      .option('--mode <mode>', k.upsert, 'insert')
      .action(async (file: string, opts: { unit: string; mode: string }) => {
        if (opts.mode !== 'insert' && opts.mode !== 'upsert') throw new InvalidArgumentError('--mode must be insert or upsert');
        const { cfg, db } = await openMigrated();
        try {
          const s = services(cfg, db);
          const unit = await unitsRepo.findByCode(db.db, opts.unit);
          if (!unit) throw new Error(`No unit has the code ${opts.unit}`);
          // The importer moves the file it is given: give it a copy, the original stays where it is.
          const copy = path.join(os.tmpdir(), `wangge-import-${process.pid}-${path.basename(file)}`);
          copyFileSync(file, copy);
          const job = await importer(s, k.kind).create(systemActor, {
            filePath: copy,
            fileName: path.basename(file),
            unitId: unit.id,
            mode: opts.mode,
          });
          process.stderr.write(`import ${job.id} (if this process stops: npm run wangge -- import resume ${job.id})\n`);
          await runToEnd(s, k.kind, job.id, file.replace(/\.(csv|xlsx)$/i, ''), false);
        } finally {
          await db.close();
        }
      });

  importCmd
    .command('resume <id>')
    .description('finish an import whose process stopped, after its last committed batch')
    .action(async (raw: string) => {
      const id = Number(raw);
      if (!Number.isInteger(id) || id < 1) throw new InvalidArgumentError('expected an import id');
      const { cfg, db } = await openMigrated();
      try {
        const s = services(cfg, db);
        const job = await s.peopleImport.load(id);
        if (!job) throw new Error(`No import has the id ${id}`);
        if (job.status === 'done') throw new Error(`Import ${id} is done already`);
        const kind = kinds.find((k) => k.kind === job.kind)?.kind;
        if (!kind) throw new Error(`Import ${id} is of an unknown kind: ${job.kind}`);
        // The report goes to the working directory, named after the file that was imported.
        await runToEnd(s, kind, id, path.join(process.cwd(), job.file_name.replace(/\.(csv|xlsx)$/i, '')), true);
      } finally {
        await db.close();
      }
    });
}
