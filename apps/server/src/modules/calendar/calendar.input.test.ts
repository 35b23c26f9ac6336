import { describe, expect, it } from 'vitest';
import { checkYear, parseImport } from './calendar.input.ts';

describe('checkYear', () => {
  it('accepts the official shape: weekend days inside a break, adjusted Saturdays', () => {
    expect(checkYear(2026, { holidays: ['2026-10-01', '2026-10-03', '2026-10-04'], workdays: ['2026-10-10'] })).toEqual([]);
  });

  it('names each offending day by its JSON pointer', () => {
    const errors = checkYear(2026, {
      holidays: ['2026-02-30', '2027-01-01', '2026-10-03', '2026-10-03'],
      workdays: ['2026-10-12', '2026-10-03', '2026-10-11', '2026-10-11'],
    });
    expect(errors.map((e) => e.path)).toEqual([
      '/body/holidays/0',
      '/body/holidays/1',
      '/body/holidays/3',
      '/body/workdays/0',
      '/body/workdays/1',
      '/body/workdays/3',
    ]);
    expect(errors[3]!.message).toMatch(/Monday: an adjusted workday must be a Saturday or Sunday/);
    expect(errors[4]!.message).toMatch(/both a holiday and an adjusted workday/);
  });

  it('refuses a year without holidays, which would silence the missing-calendar warning', () => {
    expect(checkYear(2027, { holidays: [], workdays: [] })).toEqual([{ path: '/body/holidays', message: expect.any(String) }]);
  });
});

describe('parseImport', () => {
  it('reads CSV with a header, comments, Chinese kinds and names', () => {
    const content = '# 2027 放假安排\n日期,类型,名称\n2027-01-01,休,元旦\n\n2027-02-06,班,春节\r\n2027-02-07,holiday\n';
    expect(parseImport({ format: 'csv', content })).toEqual({
      year: 2027,
      holidays: ['2027-01-01', '2027-02-07'],
      workdays: ['2027-02-06'],
    });
  });

  it('reads JSON lists and the chinese-days year file, ignoring names and lieu days', () => {
    expect(parseImport({ format: 'json', content: '{"year":2027,"holidays":["2027-01-01"],"workdays":[]}' })).toEqual({
      year: 2027,
      holidays: ['2027-01-01'],
      workdays: [],
    });
    const chineseDays = {
      holidays: { '2027-01-01': '元旦' },
      workdays: { '2027-02-06': '春节' },
      inLieuDays: { '2027-01-01': 'x' },
    };
    expect(parseImport({ format: 'json', content: JSON.stringify(chineseDays) })).toEqual({
      year: 2027,
      holidays: ['2027-01-01'],
      workdays: ['2027-02-06'],
    });
  });

  it('explains what it cannot read', () => {
    const message = (r: ReturnType<typeof parseImport>) => ('errors' in r ? r.errors[0]!.message : null);
    expect(message(parseImport({ format: 'json', content: '{' }))).toMatch(/not valid JSON/);
    expect(message(parseImport({ format: 'csv', content: '2027-01-01,maybe' }))).toMatch(/Line 1/);
    expect(message(parseImport({ format: 'csv', content: '2026-12-31,休\n2027-01-01,休' }))).toMatch(/spans 2026, 2027/);
    expect(message(parseImport({ format: 'csv', content: 'date,kind\n' }))).toMatch(/no days/);
    expect(message(parseImport({ format: 'json', content: '{"year":2027,"holidays":[]}', year: 2028 }))).toMatch(/says 2027/);
  });

  it('takes the given year over the dates, leaving the out-of-year check to checkYear', () => {
    const parsed = parseImport({ format: 'csv', content: '2026-12-31,休\n2027-01-01,休', year: 2027 });
    expect(parsed).toMatchObject({ year: 2027 });
    expect('errors' in parsed ? [] : checkYear(parsed.year, parsed, '/body/content')).toEqual([
      { path: '/body/content/holidays/0', message: '2026-12-31 is not in 2027' },
    ]);
  });
});
