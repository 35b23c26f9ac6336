/**
 * 工作日历 (system administrator): the official holidays and adjusted workdays that every deadline
 * is counted with. Pick a year, click days to mark 休 / 班, save; or import a file. The banner names
 * the years needed soon that have no official calendar yet.
 */
import { useState } from 'react';
import { Alert, Flex, Select, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useCalendarYears } from '../api/get-calendar-years.ts';
import { CalendarWarningsBanner } from './CalendarWarningsBanner.tsx';
import { ImportCalendarButton } from './ImportCalendarButton.tsx';
import { YearEditor } from './YearEditor.tsx';

export function CalendarPanel() {
  const { t } = useTranslation();
  const years = useCalendarYears();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [importError, setImportError] = useState<Error | null>(null);

  if (years.isError) return <Alert type="error" showIcon title={errorMessage(years.error)} />;
  if (!years.data) return <Skeleton active />;

  const stored = new Map(years.data.items.map((y) => [y.year, y]));
  const first = Math.min(year, thisYear, ...stored.keys());
  const last = Math.max(year, thisYear + 2, ...stored.keys());
  const options = Array.from({ length: last - first + 1 }, (_, i) => last - i).map((y) => ({
    value: y,
    label: stored.has(y) ? t('calendar.yearOption', { year: y }) : t('calendar.yearMissing', { year: y }),
  }));
  const current = stored.get(year);
  const open = (y: number) => {
    setImportError(null);
    setYear(y);
  };

  return (
    <Flex vertical gap="middle">
      <CalendarWarningsBanner onOpen={open} />
      <YearEditor
        // A new year, or a newly saved version, starts the editor afresh.
        key={`${year}:${current?.updatedAt ?? ''}`}
        year={year}
        stored={current}
        outsideError={importError}
        tools={
          <>
            <Select aria-label={t('calendar.year')} value={year} onChange={open} options={options} style={{ width: 160 }} />
            <ImportCalendarButton onImported={(y) => open(y.year)} onError={(e) => setImportError(e)} />
          </>
        }
      />
    </Flex>
  );
}
