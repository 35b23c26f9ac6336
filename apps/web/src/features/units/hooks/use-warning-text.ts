/**
 * Sizing warnings in the reader's language. The server's `message` is English for logs; the
 * screen builds its sentence from the rule, the measured value and the expected range.
 */
import type { SizingWarning } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';

/**
 * The numeric part of the server's `expected` label ("about 300 (150–450)" → "150–450",
 * "at most 30" → "30"), so a Chinese sentence never carries English words. A label with no
 * number is shown as it is.
 */
export function expectedRange(expected: string): string {
  const parts = expected.match(/\d+(?:\s*[–~-]\s*\d+)?/g);
  if (!parts) return expected;
  const range = [...parts].reverse().find((p) => /[–~-]/.test(p));
  return (range ?? parts[parts.length - 1] ?? expected).replace(/\s*[–~-]\s*/, '–');
}

const knownRules = new Set<string>([
  'gridHouseholds',
  'microGridHouseholds',
  'microGridMax',
  'residentReps',
  'householdLeads',
  'gridLeader',
]);

/** The sentence for a warning; `withUnit` (default) starts it with the unit's name. */
export function useWarningText(): (warning: SizingWarning, options?: { withUnit?: boolean }) => string {
  const { t } = useTranslation();
  return (warning, { withUnit = true } = {}) => {
    // A rule newer than this build falls back to the server's words rather than a raw key.
    const text = knownRules.has(warning.rule)
      ? t(`units.warnings.${warning.rule}`, { actual: warning.actual, expected: expectedRange(warning.expected) })
      : warning.message;
    return withUnit ? t('units.warnings.withUnit', { name: warning.unitName, text }) : text;
  };
}
