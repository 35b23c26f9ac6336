/**
 * A file from the API (an export), fetched rather than followed by the browser, so a refusal
 * (problem+json: over the export cap, a lapsed session) becomes an ApiError to show as a message
 * instead of a downloaded error body.
 */
import { ApiError, ClientErrorCode, apiErrorFromResponse } from './api-error.ts';

export async function fetchFile(url: string, accept: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: `${accept}, application/problem+json` } });
  } catch (error) {
    throw new ApiError({ status: 0, code: ClientErrorCode.Network, title: 'Network error', cause: error });
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  return response.blob();
}
