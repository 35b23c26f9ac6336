/** 编辑 on a person's profile: the person form with the current values. */
import { useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { PersonProfile } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { PersonFormDrawer } from './PersonForm.tsx';

export function EditPersonButton({ profile }: { profile: PersonProfile }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="edit-person">
        {t('people.form.edit')}
      </Button>
      <PersonFormDrawer
        open={open}
        mode={{ kind: 'edit', profile }}
        onClose={() => setOpen(false)}
        onSaved={() => setOpen(false)}
      />
    </>
  );
}
