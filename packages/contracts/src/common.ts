/** Building blocks shared by many endpoints: ids, paging, dates. */
import { Type, type Static, type TSchema } from 'typebox';

export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Numeric id' });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const DateTime = Type.String({ format: 'date-time' });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0 }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });
export interface PageOf<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A name as people type it: trimmed, 1–100 characters, no control characters. */
export const Name = Type.String({
  minLength: 1,
  maxLength: 100,
  // The one required non-space character must not be a control character either (\S alone lets a NUL through).
  pattern: '^[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f][^\\u0000-\\u001f\\u007f]*$',
});
export const Text = (max: number) =>
  Type.String({ maxLength: max, pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$' });
