/**
 * The tickets behind a figure as .xlsx, fetched rather than followed, so a refusal (more than one
 * export may hold, a lapsed session) shows as a message instead of a downloaded error body.
 */
import { fetchFile } from '@/shared/api/fetch-file.ts';
import { saveFile } from '@/shared/utils/save-file.ts';

export async function downloadTicketExport(url: string, fileName: string): Promise<void> {
  saveFile(await fetchFile(url, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), fileName);
}
