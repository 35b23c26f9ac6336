import { describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY, readStoredLanguage } from './language.ts';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

describe('readStoredLanguage', () => {
  it('defaults to Chinese even when the browser prefers English', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US', 'en']);
    expect(readStoredLanguage()).toBe('zh-CN');
  });

  it('returns the remembered choice', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(readStoredLanguage()).toBe('en');
  });

  it('ignores a value that is not a supported language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(readStoredLanguage()).toBe('zh-CN');
  });
});

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : entries(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('have the same keys in both languages', () => {
    expect(
      entries(en)
        .map(([k]) => k)
        .sort(),
    ).toEqual(
      entries(zhCN)
        .map(([k]) => k)
        .sort(),
    );
  });

  it('use the same interpolation placeholders in both languages', () => {
    const english = new Map(entries(en));
    for (const [key, chinese] of entries(zhCN)) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(chinese));
    }
  });
});
