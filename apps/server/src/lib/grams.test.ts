import { describe, expect, it } from 'vitest';
import { addressGrams, addressQueryGrams, queryGrams, textGrams } from './grams.ts';

describe('search grams', () => {
  it('keeps unigrams and bigrams of names, without punctuation or spaces', () => {
    expect(textGrams('张三丰').sort()).toEqual(['三', '三丰', '丰', '张', '张三'].sort());
    expect(textGrams('阿·卜')).toEqual(['阿', '阿·', '·卜', '卜']);
    expect(textGrams(null)).toEqual([]);
  });

  it('finds a name by one character or by its bigrams', () => {
    expect(queryGrams('明')).toEqual(['明']);
    expect(queryGrams(' 三丰 ')).toEqual(['三丰']);
    for (const q of ['明', '三丰', '张三']) expect(textGrams('张三丰明')).toEqual(expect.arrayContaining(queryGrams(q)));
  });

  it('keeps bigrams only for addresses, and leaves one-character address queries to LIKE', () => {
    const grams = addressGrams('东塘村五组8号');
    expect(grams).toEqual(['东塘', '塘村', '村五', '五组', '组8', '8号']);
    expect(addressQueryGrams('五组')).toEqual(['五组']);
    expect(addressQueryGrams('组')).toEqual([]);
    expect(grams).toEqual(expect.arrayContaining(addressQueryGrams('村五组')));
  });
});
