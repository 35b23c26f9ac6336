/** Attachments: photos, documents and voice notes uploaded once and then linked to a ticket or a register entry. */
import { Type, type Static } from 'typebox';
import { DateTime } from './common.ts';

export const AttachmentKinds = ['image', 'document', 'audio', 'video'] as const;
export const AttachmentKind = Type.Enum(AttachmentKinds);
export type AttachmentKind = Static<typeof AttachmentKind>;

export const AttachmentInfo = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  /** The name the uploader gave the file. */
  name: Type.String(),
  /** Detected from the content, never taken from the client. */
  mime: Type.String(),
  size: Type.Integer({ minimum: 0, description: 'Bytes of the original' }),
  kind: AttachmentKind,
  width: Type.Optional(Type.Integer({ minimum: 1 })),
  height: Type.Optional(Type.Integer({ minimum: 1 })),
  createdAt: DateTime,
});
export type AttachmentInfo = Static<typeof AttachmentInfo>;

export const AttachmentList = Type.Array(AttachmentInfo);
export type AttachmentList = Static<typeof AttachmentList>;

/** Where the server serves an attachment: the display copy (metadata stripped), its thumbnail, the uploader's original. */
export const attachmentUrl = (id: number, variant: 'display' | 'thumbnail' | 'original' = 'display') =>
  `/api/v1/files/${id}${variant === 'display' ? '' : `/${variant}`}`;
