/**
 * Picks the month of the period figures among the last two years, none after the current one. A
 * plain select: lighter on the page's first render than a calendar for twelve choices a year.
 */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

const MONTHS_BACK = 24;

export function recentMonths(current: string, count = MONTHS_BACK): string[] {
  const [y, m] = current.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** 2026-09 as the language writes a month: 2026年9月, Sep 2026. */
function monthName(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: language === 'en' ? 'short' : 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export function MonthPicker({ value, current, onChange }: { value: string; current: string; onChange: (month: string) => void }) {
  const { t, i18n } = useTranslation();
  const months = recentMonths(current);
  if (!months.includes(value)) months.push(value);
  return (
    <Select
      size="small"
      value={value}
      onChange={onChange}
      options={months.map((m) => ({
        value: m,
        label: monthName(m, i18n.language),
      }))}
      aria-label={t('commandCenter.month')}
      data-testid="cc-month"
      style={{ width: 120 }}
    />
  );
}
