/** 立即巡检: the dispatcher runs the deadline sweep now and reads what it changed. */
import { SyncOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useRunSweep } from '../api/run-sweep.ts';

export function SweepButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sweep = useRunSweep();
  return (
    <Button
      size="small"
      data-testid="supervision-sweep"
      icon={<SyncOutlined />}
      loading={sweep.isPending}
      onClick={() =>
        sweep.mutate(undefined, {
          onSuccess: (r) =>
            void message.success(
              t('supervision.sweep.done', { checked: r.checked, lightChanges: r.lightChanges, notices: r.notices }),
            ),
          onError: (error) => void message.error(errorMessage(error)),
        })
      }
    >
      {t('supervision.sweep.run')}
    </Button>
  );
}
