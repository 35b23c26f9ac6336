/**
 * What the typed document number says, under the number: for a resident ID (and the documents
 * sharing its format) the sex, birth date and age it holds, or why it cannot be right. A hint only:
 * the server judges the number (it also knows the region codes).
 */
import { Typography } from 'antd';
import type { IdType } from '@wangge/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { documentHoldsFacts, readIdNumber } from '../utils/id-document.ts';

export function DocumentReading({ idType, idNumber }: { idType: IdType; idNumber: string }) {
  const { t } = useTranslation();
  if (!documentHoldsFacts(idType, idNumber)) return null;
  const reading = readIdNumber(idNumber, dayjs().format('YYYY-MM-DD'));
  if (reading.status === 'partial') return <Typography.Text type="secondary">{t('people.form.idHint')}</Typography.Text>;
  if (reading.status === 'invalid')
    return (
      <Typography.Text type="warning" data-testid="person-form-id-problem">
        {t(`people.form.idProblem.${reading.problem}`)}
      </Typography.Text>
    );
  return (
    <Typography.Text type="success" data-testid="person-form-derived" title={t('people.form.derivedNote')}>
      {t('people.form.derived', { sex: t(`people.sex.${reading.sex}`), birthDate: reading.birthDate, age: reading.age })}
    </Typography.Text>
  );
}
