/**
 * The copies of a photo that are served: a display copy turned upright (EXIF orientation applied)
 * and re-encoded by sharp, which writes no metadata unless asked (so EXIF with GPS, XMP, IPTC and
 * comments are gone), at most DISPLAY_MAX pixels on its long side; and a small WebP thumbnail.
 * The original is kept untouched for its uploader.
 */
import sharp, { type Sharp } from 'sharp';
import type { DetectedType } from './file-kinds.ts';

export const DISPLAY_MAX = 2560;
export const THUMB_MAX = 320;
// A phone's 200-megapixel photo decodes; a crafted "decompression bomb" does not.
const LIMIT_PIXELS = 220_000_000;

export interface ImageCopies {
  display: Buffer;
  /** The display copy's type: the original's, except HEIC which browsers rarely show (JPEG then). */
  displayMime: string;
  thumbnail: Buffer;
  /** Of the upright original. */
  width: number;
  height: number;
}

function encode(img: Sharp, type: DetectedType): { img: Sharp; mime: string } {
  switch (type.ext) {
    case 'png':
      return { img: img.png({ compressionLevel: 8 }), mime: 'image/png' };
    case 'webp':
      return { img: img.webp({ quality: 85 }), mime: 'image/webp' };
    case 'gif':
      return { img: img.gif(), mime: 'image/gif' };
    default:
      return { img: img.jpeg({ quality: 85, mozjpeg: true }), mime: 'image/jpeg' };
  }
}

/** Null when the bytes look like an image but cannot be decoded (damaged, or HEIC in a codec we lack). */
export async function imageCopies(file: string, type: DetectedType): Promise<ImageCopies | null> {
  const animated = type.ext === 'gif';
  const input = () => sharp(file, { animated, limitInputPixels: LIMIT_PIXELS, failOn: 'error' });
  try {
    const meta = await input().metadata();
    const upright = (meta.orientation ?? 1) >= 5;
    const w = meta.width;
    const h = meta.pageHeight ?? meta.height;
    const { img, mime } = encode(
      input().autoOrient().resize({ width: DISPLAY_MAX, height: DISPLAY_MAX, fit: 'inside', withoutEnlargement: true }),
      type,
    );
    const display = await img.toBuffer();
    const thumbnail = await sharp(file, { limitInputPixels: LIMIT_PIXELS })
      .autoOrient()
      .resize({ width: THUMB_MAX, height: THUMB_MAX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    return { display, displayMime: mime, thumbnail, width: upright ? h : w, height: upright ? w : h };
  } catch {
    return null;
  }
}
