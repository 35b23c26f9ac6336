/** 迁出: ends a current residence on a chosen date (today by default, not before it began). */
import { useState } from 'react';
import { Alert, Button, DatePicker, Flex, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useEndResidence } from '../api/end-residence.ts';

export function MoveOutButton({ personId, residenceId, fromDate }: { personId: number; residenceId: number; fromDate: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<Dayjs>(dayjs());
  const end = useEndResidence(personId);
  const submit = () => end.mutate({ residenceId, toDate: date.format('YYYY-MM-DD') }, { onSuccess: () => setOpen(false) });
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} style={{ paddingInline: 0 }}>
        {t('people.profile.moveOut')}
      </Button>
      <Modal
        open={open}
        title={t('people.profile.moveOutTitle')}
        okText={t('people.profile.moveOutConfirm')}
        cancelText={t('categories.cancel')}
        confirmLoading={end.isPending}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Flex vertical gap={8}>
          <Typography.Text>{t('people.profile.moveOutDate')}</Typography.Text>
          <DatePicker
            value={date}
            onChange={(d) => d && setDate(d)}
            allowClear={false}
            disabledDate={(d) => d.isBefore(dayjs(fromDate), 'day')}
            aria-label={t('people.profile.moveOutDate')}
          />
          {end.isError && <Alert type="error" showIcon title={errorMessage(end.error)} />}
        </Flex>
      </Modal>
    </>
  );
}
