/**
 * Unigrams and bigrams of a text, for search on Chinese names and addresses: stored beside the
 * text and indexed with GIN. A query for "三丰" looks for rows holding the gram "三丰", a query
 * for "明" the gram "明"; LIKE then confirms. Works whatever the database's locale.
 *
 * Addresses keep bigrams only (`{ unigrams: false }`): an address has ~14 characters, so half of
 * its grams were single characters that nobody searches an address by ("镇", "组", "号"), and each
 * gram is an entry the GIN index writes for every person. A one-character address query has no
 * gram to look up (`queryGrams` returns none) and is answered by LIKE alone.
 */
const SKIP = /^[\s\p{P}\p{S}]+$/u;

export function textGrams(text: string | null | undefined, opts: { unigrams?: boolean } = {}): string[] {
  if (!text) return [];
  const unigrams = opts.unigrams ?? true;
  const chars = [...text.toLowerCase()];
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const one = chars[i]!;
    if (unigrams && !SKIP.test(one)) grams.add(one);
    if (i + 1 < chars.length) {
      const two = one + chars[i + 1];
      if (!SKIP.test(two)) grams.add(two);
    }
  }
  return [...grams];
}

/** The grams a query must find: its character (none when the text keeps no unigrams), or its bigrams. */
export function queryGrams(q: string, opts: { unigrams?: boolean } = {}): string[] {
  const chars = [...q.trim().toLowerCase()].filter((c) => !SKIP.test(c));
  if (chars.length <= 1) return (opts.unigrams ?? true) ? chars : [];
  return [...new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]))];
}

/** An address's grams: bigrams only (see above). */
export const addressGrams = (text: string | null | undefined) => textGrams(text, { unigrams: false });
export const addressQueryGrams = (q: string) => queryGrams(q, { unigrams: false });
