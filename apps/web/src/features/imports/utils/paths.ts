/**
 * Where each kind of import lives on the server, and the files the import screens link to. Plain
 * links: the browser sends the session cookie with a GET and saves the answer under the server's
 * file name.
 */
import { ImportKinds, type ImportKindName } from '@wangge/contracts';

export type TemplateFormat = 'xlsx' | 'csv';

const bases: Record<ImportKindName, string> = { people: '/api/v1/people', houses: '/api/v1/houses' };

export const isImportKind = (value: string | null): value is ImportKindName =>
  (ImportKinds as readonly string[]).includes(value ?? '');

/** The imports of a kind: POST to upload, GET for the recent ones, `/:id` for one. */
export function importsUrl(kind: ImportKindName): string {
  return `${bases[kind]}/imports`;
}

export function templateUrl(kind: ImportKindName, format: TemplateFormat): string {
  return `${bases[kind]}/import-template?format=${format}`;
}

/** The rows an import rejected, each with its reason (.xlsx). */
export function errorReportUrl(job: { kind: ImportKindName; id: number }): string {
  return `${importsUrl(job.kind)}/${job.id}/errors`;
}
