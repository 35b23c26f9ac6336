/**
 * The tickets behind a figure as .xlsx, fetched rather than followed, so a refusal (more than one
 * export may hold, a lapsed session) shows as a message instead of a downloaded error body.
 */
import { ApiError, ClientErrorCode, apiErrorFromResponse } from '@/shared/api/api-error.ts';
import { saveFile } from '@/shared/utils/save-file.ts';

export async function downloadTicketExport(url: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json' },
    });
  } catch (error) {
    throw new ApiError({ status: 0, code: ClientErrorCode.Network, title: 'Network error', cause: error });
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  saveFile(await response.blob(), fileName);
}
