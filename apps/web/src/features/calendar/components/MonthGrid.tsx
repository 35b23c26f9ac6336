/** One month of the editor: Monday-first weeks; each day is a button that cycles its kind (休 / 班). */
import { memo } from 'react';
import { Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { kindOf, monthWeeks, type DayKind, type DraftYear } from '../utils/days.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface MonthGridProps {
  year: number;
  month: number;
  draft: DraftYear;
  onToggle: (day: string) => void;
}

export const MonthGrid = memo(function MonthGrid({ year, month, draft, onToggle }: MonthGridProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const look: Record<DayKind, { color: string; background: string }> = {
    workday: { color: token.colorText, background: 'transparent' },
    weekend: { color: token.colorTextTertiary, background: 'transparent' },
    holiday: { color: token.colorError, background: token.colorErrorBg },
    adjusted: { color: token.colorPrimary, background: token.colorPrimaryBg },
  };
  const mark: Partial<Record<DayKind, string>> = { holiday: t('calendar.holidayMark'), adjusted: t('calendar.workdayMark') };

  return (
    <div data-testid={`month-${month}`}>
      <Typography.Text strong>{t('calendar.monthTitle', { month })}</Typography.Text>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', marginTop: 4 }}>
        <thead>
          <tr>
            {WEEKDAYS.map((w) => (
              <th key={w} style={{ fontWeight: 'normal', fontSize: 12, color: token.colorTextSecondary }}>
                {t(`calendar.weekdays.${w}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => {
                if (!day) return <td key={j} />;
                const kind = kindOf(draft, day);
                return (
                  <td key={day} style={{ padding: 1 }}>
                    <button
                      type="button"
                      data-testid={`day-${day}`}
                      data-kind={kind}
                      aria-label={t(`calendar.dayLabel.${kind}`, { day })}
                      onClick={() => onToggle(day)}
                      style={{
                        width: '100%',
                        minHeight: 34,
                        border: `1px solid ${token.colorBorderSecondary}`,
                        borderRadius: token.borderRadiusSM,
                        cursor: 'pointer',
                        lineHeight: 1.1,
                        ...look[kind],
                      }}
                    >
                      <div>{Number(day.slice(8))}</div>
                      <div style={{ fontSize: 10, minHeight: 11 }}>{mark[kind] ?? ''}</div>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
