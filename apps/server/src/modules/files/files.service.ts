/**
 * Attachments: photos, documents and voice notes, uploaded first (unlinked, visible only to their
 * uploader) and then linked once, inside the owner's transaction, to a ticket, a register entry…
 * Who may read a linked file is the owner's business: each owner type registers its `canRead`.
 * Types are decided by content; photos are served from a copy with every piece of metadata removed.
 * Unlinked uploads are removed after a day (files.jobs.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode, type AttachmentInfo } from '@wangge/contracts';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { AttachmentTable } from '../../db/tables/files.ts';
import type { Database } from '../../db/types.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { allowedFormats, detectType } from './file-kinds.ts';
import { newKey, type ByteRange, type FileStore } from './file-store.ts';
import { attachmentInfo, filesRepo, type AttachmentRow } from './files.repo.ts';
import { imageCopies } from './images.ts';

/** A file received on disk (a temp file); the service owns it from the call on and removes it. */
export interface UploadFile {
  name: string;
  path: string;
}

export type OwnerReadCheck = (actor: Actor, ownerId: number) => Promise<boolean>;
export type FileVariant = 'display' | 'thumbnail' | 'original';

/** What a GET serves, after the access check. */
export interface ServedFile {
  mime: string;
  name: string;
  /** Known for the stored original (so ranges work); null for generated copies. */
  size: number | null;
  etag: string;
  kind: AttachmentInfo['kind'];
  read(range?: ByteRange): Promise<Readable>;
}

export const UNLINKED_TTL_MS = 24 * 60 * 60 * 1000;
const variantKey = (key: string, v: FileVariant) =>
  v === 'display' ? `${key}.display` : v === 'thumbnail' ? `${key}.thumb` : key;

/** A name safe to store and echo: no directories, no control characters, at most 200 characters. */
export function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (name || 'file').slice(0, 200);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

export class FilesService {
  private readonly owners = new Map<string, OwnerReadCheck>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    readonly store: FileStore,
  ) {}

  /** Owners (tickets, registers…) say who may read the files linked to one of their records. */
  registerOwner(type: string, canRead: OwnerReadCheck): void {
    if (this.owners.has(type)) throw new Error(`Attachment owner type ${type} registered twice`);
    this.owners.set(type, canRead);
  }

  /** Checks every file first (all or nothing), then stores originals and copies and records them. */
  async upload(actor: Actor, files: UploadFile[]): Promise<AttachmentInfo[]> {
    if (actor.userId === null) throw AppError.forbidden('Only a signed-in user uploads files');
    const stored: string[] = [];
    try {
      const checked = [];
      for (const f of files) {
        const name = cleanName(f.name);
        const type = await detectType(f.path);
        if (!type)
          throw new AppError(415, ErrorCode.UnsupportedMediaType, `"${name}" is not a file type we accept (${allowedFormats})`, {
            file: name,
          });
        const copies = type.kind === 'image' ? await imageCopies(f.path, type) : null;
        if (type.kind === 'image' && !copies)
          throw new AppError(
            415,
            ErrorCode.UnsupportedMediaType,
            type.ext === 'heic'
              ? `"${name}" is a HEIC photo this server cannot convert; send it as JPEG (camera format "Most Compatible")`
              : `"${name}" cannot be read as an image; send it as JPEG or PNG`,
            { file: name },
          );
        checked.push({ f, name, type, copies, size: (await stat(f.path)).size, sha256: await sha256Of(f.path) });
      }
      const now = this.clock.now();
      const rows: Insertable<AttachmentTable>[] = [];
      for (const c of checked) {
        const key = newKey();
        await this.store.put(key, createReadStream(c.f.path));
        stored.push(key);
        if (c.copies) {
          await this.store.put(variantKey(key, 'display'), c.copies.display);
          stored.push(variantKey(key, 'display'));
          await this.store.put(variantKey(key, 'thumbnail'), c.copies.thumbnail);
          stored.push(variantKey(key, 'thumbnail'));
        }
        rows.push({
          store_key: key,
          original_name: c.name,
          mime: c.type.mime,
          kind: c.type.kind,
          size: c.size,
          sha256: c.sha256,
          width: c.copies?.width ?? null,
          height: c.copies?.height ?? null,
          has_display_copy: c.copies !== null,
          uploaded_by: actor.userId,
          created_at: now,
        });
      }
      if (rows.length === 0) return [];
      const inserted = await this.db.db.transaction().execute(async (tx) => {
        const r = await filesRepo.insert(tx, rows);
        await this.audit.record(tx, actor, {
          action: 'file.upload',
          objectType: 'attachment',
          objectId: r.map((x) => x.id).join(','),
          detail: { count: r.length, bytes: r.reduce((s, x) => s + x.size, 0) },
        });
        return r;
      });
      return inserted.map(attachmentInfo);
    } catch (err) {
      await Promise.all(stored.map((k) => this.store.delete(k).catch(() => {})));
      throw err;
    } finally {
      await Promise.all(files.map((f) => unlink(f.path).catch(() => {})));
    }
  }

  /**
   * Inside the owner's transaction: links the actor's own unlinked uploads to the owner. Refuses
   * (422, the ids in `ids`) files that do not exist, that another user uploaded, or that are linked.
   */
  async link(
    trx: Kysely<Database> | Transaction<Database>,
    actor: Actor,
    ids: number[],
    owner: { type: string; id: number | string; unitPath: string },
  ): Promise<AttachmentInfo[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const ownerId = Number(owner.id);
    if (!Number.isSafeInteger(ownerId) || ownerId < 1) throw new Error(`Invalid attachment owner id ${String(owner.id)}`);
    const rows = new Map((await filesRepo.lockByIds(trx, unique)).map((r) => [r.id, r]));
    const refused = unique.filter((id) => {
      const r = rows.get(id);
      return !r || r.owner_type !== null || (!actor.system && r.uploaded_by !== actor.userId);
    });
    if (refused.length > 0)
      throw new AppError(
        422,
        ErrorCode.ValidationFailed,
        `Attachments ${refused.join(', ')} cannot be attached: upload them yourself first; a file is attached to one record only`,
        { ids: refused },
      );
    const linked = await filesRepo.link(
      trx,
      unique,
      { type: owner.type, id: ownerId, unitPath: owner.unitPath },
      this.clock.now(),
    );
    const byId = new Map(linked.map((r) => [r.id, r]));
    return unique.map((id) => attachmentInfo(byId.get(id)!));
  }

  /** The attachments of each owner (an empty list for owners without any), oldest first. */
  /** `q`: the caller's transaction, when inside one. */
  async listFor(
    ownerType: string,
    ownerIds: (number | string)[],
    q: Kysely<Database> = this.db.db,
  ): Promise<Map<number, AttachmentInfo[]>> {
    const ids = [...new Set(ownerIds.map(Number))];
    const out = new Map<number, AttachmentInfo[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    for (const r of await filesRepo.listForOwners(q, ownerType, ids)) out.get(r.owner_id!)?.push(attachmentInfo(r));
    return out;
  }

  /** The file to serve, when the actor may read it; otherwise 404 exactly as for a missing one (audited). */
  async open(actor: Actor, id: number, variant: FileVariant): Promise<ServedFile> {
    const row = await filesRepo.findById(this.db.db, id);
    const allowed =
      row !== undefined &&
      (variant === 'original' ? row.uploaded_by === actor.userId : await this.canRead(actor, row)) &&
      (variant !== 'thumbnail' || row.has_display_copy);
    if (!row || !allowed) {
      await this.audit.record(this.db.db, actor, {
        action: 'access.denied',
        result: 'denied',
        objectType: 'attachment',
        objectId: id,
        detail: { variant },
      });
      throw AppError.notFound(`Attachment ${id}`);
    }
    if (variant === 'original')
      await this.audit.record(this.db.db, actor, { action: 'file.original', objectType: 'attachment', objectId: id });
    return this.served(row, variant === 'display' && !row.has_display_copy ? 'original' : variant);
  }

  private async canRead(actor: Actor, row: AttachmentRow): Promise<boolean> {
    if (actor.system) return true;
    if (row.owner_type === null || row.owner_id === null) return actor.userId !== null && row.uploaded_by === actor.userId;
    const check = this.owners.get(row.owner_type);
    return check ? check(actor, row.owner_id) : false;
  }

  private served(row: AttachmentRow, stored: FileVariant): ServedFile {
    const key = variantKey(row.store_key, stored);
    const copy = stored !== 'original';
    const mime = stored === 'thumbnail' ? 'image/webp' : copy && row.mime === 'image/heic' ? 'image/jpeg' : row.mime;
    // A thumbnail or a HEIC's JPEG copy is saved under a name with its own extension.
    const ext = mime === row.mime ? null : mime === 'image/webp' ? '.webp' : '.jpg';
    const name = ext ? `${row.original_name.replace(/\.[^.]{1,5}$/, '')}${ext}` : row.original_name;
    return {
      mime,
      name,
      size: copy ? null : row.size,
      etag: `"${row.sha256.slice(0, 32)}-${stored}"`,
      kind: row.kind,
      read: (range) => this.store.get(key, range),
    };
  }

  /** Removes unlinked uploads older than a day, files and rows. Safe to run twice or concurrently. */
  async removeStale(batch = 200): Promise<number> {
    const before = new Date(this.clock.now().getTime() - UNLINKED_TTL_MS);
    let removed = 0;
    for (;;) {
      const rows = await filesRepo.staleUnlinked(this.db.db, before, batch);
      for (const r of rows) {
        // The row goes first: a file left behind by a crash here is only wasted space, never a broken link.
        if (!(await filesRepo.deleteIfStale(this.db.db, r.id, before))) continue;
        for (const v of ['original', 'display', 'thumbnail'] as const) await this.store.delete(variantKey(r.store_key, v));
        removed++;
      }
      if (rows.length < batch) return removed;
    }
  }
}
