/**
 * One year of the working calendar: twelve month grids to click, the counts, save and undo. A year
 * without a calendar starts empty and says that its deadlines are counted Monday–Friday meanwhile.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { App, Alert, Button, Col, Flex, Row, Tag, Typography } from 'antd';
import type { CalendarYear } from '@wangge/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useSaveCalendarYear } from '../api/save-calendar-year.ts';
import { sortedDays, toggleDay, type DraftYear } from '../utils/days.ts';
import { MonthGrid } from './MonthGrid.tsx';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const sourceColor = { official: 'green', admin: 'blue', import: 'purple' } as const;

const draftOf = (stored: CalendarYear | undefined): DraftYear => ({
  holidays: new Set(stored?.holidays ?? []),
  workdays: new Set(stored?.workdays ?? []),
});
const same = (a: DraftYear, b: DraftYear) =>
  sortedDays(a.holidays).join() === sortedDays(b.holidays).join() &&
  sortedDays(a.workdays).join() === sortedDays(b.workdays).join();

export interface YearEditorProps {
  year: number;
  stored: CalendarYear | undefined;
  /** The year picker and import button, shown in the editor's toolbar. */
  tools: ReactNode;
  /** A failure from outside the editor (an import) to show with the editor's own. */
  outsideError: Error | null;
}

export function YearEditor({ year, stored, tools, outsideError }: YearEditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const original = useMemo(() => draftOf(stored), [stored]);
  const [draft, setDraft] = useState<DraftYear>(original);
  const save = useSaveCalendarYear();
  const onToggle = useCallback((day: string) => setDraft((d) => toggleDay(d, day)), []);
  const dirty = !same(draft, original);
  const error = save.error ?? outsideError;

  const submit = () =>
    save.mutate(
      { year, holidays: sortedDays(draft.holidays), workdays: sortedDays(draft.workdays) },
      { onSuccess: () => void message.success(t('calendar.saved', { year })) },
    );

  return (
    <Flex vertical gap="small">
      <Flex gap="small" align="center" wrap>
        {tools}
        {stored ? (
          <Tag color={sourceColor[stored.source]}>{t(`calendar.source.${stored.source}`)}</Tag>
        ) : (
          <Tag color="red">{t('calendar.source.missing')}</Tag>
        )}
        <Typography.Text type="secondary">
          {t('calendar.counts', { holidays: draft.holidays.size, workdays: draft.workdays.size })}
        </Typography.Text>
        {stored && (
          <Typography.Text type="secondary">
            {t('calendar.updatedAt', { time: dayjs(stored.updatedAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        )}
        <div style={{ flex: 1 }} />
        {dirty && <Typography.Text type="warning">{t('calendar.unsaved')}</Typography.Text>}
        <Button disabled={!dirty || save.isPending} onClick={() => setDraft(original)}>
          {t('calendar.reset')}
        </Button>
        <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={submit} autoInsertSpace={false}>
          {t('calendar.save')}
        </Button>
      </Flex>
      {error && (
        <Alert
          type="error"
          showIcon
          data-testid="calendar-error"
          title={errorMessage(error)}
          description={isApiError(error) && error.fieldErrors.length > 0 && error.fieldErrors.map((e) => e.message).join('；')}
        />
      )}
      {!stored && <Alert type="info" showIcon title={t('calendar.missing', { year })} />}
      <Typography.Text type="secondary">{t('calendar.hint')}</Typography.Text>
      <Row gutter={[16, 16]}>
        {MONTHS.map((month) => (
          <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
            <MonthGrid year={year} month={month} draft={draft} onToggle={onToggle} />
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
