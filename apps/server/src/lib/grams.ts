/**
 * Unigrams and bigrams of a text, for search on Chinese names and addresses: stored beside the
 * text and indexed with GIN. A query for "三丰" looks for rows holding the gram "三丰", a query
 * for "明" the gram "明"; LIKE then confirms. Works whatever the database's locale.
 */
const SKIP = /^[\s\p{P}\p{S}]+$/u;

export function textGrams(text: string | null | undefined): string[] {
  if (!text) return [];
  const chars = [...text.toLowerCase()];
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const one = chars[i]!;
    if (!SKIP.test(one)) grams.add(one);
    if (i + 1 < chars.length) {
      const two = one + chars[i + 1];
      if (!SKIP.test(two)) grams.add(two);
    }
  }
  return [...grams];
}

/** The grams a query must find: its character, or its bigrams. */
export function queryGrams(q: string): string[] {
  const chars = [...q.trim().toLowerCase()].filter((c) => !SKIP.test(c));
  if (chars.length <= 1) return chars;
  return [...new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]))];
}
