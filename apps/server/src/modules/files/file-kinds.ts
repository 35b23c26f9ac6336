/**
 * Which files we take, decided by their bytes (magic numbers, via file-type), never by the name or
 * the Content-Type the client sent: an HTML page or a program renamed `.jpg` is not an image.
 * Each accepted type has the one Content-Type it is served with.
 */
import { fileTypeFromFile } from 'file-type';
import type { AttachmentKind } from '@wangge/contracts';

export interface DetectedType {
  /** Served as this Content-Type. */
  mime: string;
  /** Usual extension (for the display copy's name). */
  ext: string;
  kind: AttachmentKind;
}

// Keyed by file-type's `ext`. Phones record voice notes as m4a/aac (iOS), amr or ogg/opus (Android, WeChat exports).
const allowed: Record<string, DetectedType> = {
  jpg: { mime: 'image/jpeg', ext: 'jpg', kind: 'image' },
  png: { mime: 'image/png', ext: 'png', kind: 'image' },
  webp: { mime: 'image/webp', ext: 'webp', kind: 'image' },
  gif: { mime: 'image/gif', ext: 'gif', kind: 'image' },
  heic: { mime: 'image/heic', ext: 'heic', kind: 'image' },
  pdf: { mime: 'application/pdf', ext: 'pdf', kind: 'document' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', kind: 'document' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', kind: 'document' },
  mp3: { mime: 'audio/mpeg', ext: 'mp3', kind: 'audio' },
  m4a: { mime: 'audio/mp4', ext: 'm4a', kind: 'audio' },
  aac: { mime: 'audio/aac', ext: 'aac', kind: 'audio' },
  amr: { mime: 'audio/amr', ext: 'amr', kind: 'audio' },
  ogg: { mime: 'audio/ogg', ext: 'ogg', kind: 'audio' },
  oga: { mime: 'audio/ogg', ext: 'ogg', kind: 'audio' },
  opus: { mime: 'audio/ogg', ext: 'opus', kind: 'audio' },
  wav: { mime: 'audio/wav', ext: 'wav', kind: 'audio' },
  mp4: { mime: 'video/mp4', ext: 'mp4', kind: 'video' },
  // iPhones record video as QuickTime (.mov): the same ISO media container as mp4.
  mov: { mime: 'video/quicktime', ext: 'mov', kind: 'video' },
};

/** What the user may upload, for messages: "JPEG, PNG…". */
export const allowedFormats =
  'JPEG, PNG, WebP, GIF, HEIC, PDF, Word (.docx), Excel (.xlsx), MP3, M4A/AAC, AMR, OGG/Opus, WAV, MP4, MOV';

export function typeOf(detectedExt: string | undefined, detectedMime?: string): DetectedType | null {
  if (!detectedExt) return null;
  // file-type names HEIF stills `heic` with mime image/heif; sequences (bursts) are not stills.
  if (detectedMime?.endsWith('-sequence')) return null;
  return Object.hasOwn(allowed, detectedExt) ? allowed[detectedExt]! : null;
}

/** The accepted type of a file on disk, or null when its content is none of them. */
export async function detectType(file: string): Promise<DetectedType | null> {
  const found = await fileTypeFromFile(file);
  return typeOf(found?.ext, found?.mime);
}
