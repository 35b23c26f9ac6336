import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** An uploaded file (modules/files); unlinked until its owner (ticket, register entry…) takes it. */
export interface AttachmentTable {
  id: Generated<number>;
  store_key: string;
  original_name: string;
  mime: string;
  kind: 'image' | 'document' | 'audio' | 'video';
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  has_display_copy: Generated<boolean>;
  uploaded_by: number;
  created_at: Timestamp;
  owner_type: ColumnType<string | null, string | null | undefined, string | null>;
  owner_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** ltree of the owner's unit, copied at link time for scope. */
  unit_path: ColumnType<string | null, string | null | undefined, string | null>;
  linked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}
