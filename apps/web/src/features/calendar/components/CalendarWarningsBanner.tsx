/** The loud part: years needed soon without an official calendar, each a link to open that year. */
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCalendarWarnings } from '../api/get-calendar-warnings.ts';

export function CalendarWarningsBanner({ onOpen }: { onOpen: (year: number) => void }) {
  const { t } = useTranslation();
  const warnings = useCalendarWarnings();
  const items = warnings.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-warnings"
      title={t('calendar.warnings.title')}
      description={
        <Flex vertical gap={2}>
          {items.map((w) => (
            <Flex key={w.year} gap="small" align="center">
              <span>{t(`calendar.warnings.${w.reason}`, { year: w.year })}</span>
              <Button size="small" type="link" onClick={() => onOpen(w.year)}>
                {t('calendar.warnings.open', { year: w.year })}
              </Button>
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
