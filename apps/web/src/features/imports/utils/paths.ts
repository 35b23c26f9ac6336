/**
 * Files the import screens link to. Plain links: the browser sends the session cookie with a GET
 * and saves the answer under the server's file name.
 */
export type TemplateFormat = 'xlsx' | 'csv';

export function templateUrl(format: TemplateFormat): string {
  return `/api/v1/people/import-template?format=${format}`;
}

/** The rows an import rejected, each with its reason (.xlsx). */
export function errorReportUrl(importId: number): string {
  return `/api/v1/people/imports/${importId}/errors`;
}
