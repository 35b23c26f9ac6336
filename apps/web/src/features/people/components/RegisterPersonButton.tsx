/** 登记人员: registers one person in the scope (the form's unit by default), then opens their profile. */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { personPath } from '../utils/paths.ts';
import { PersonFormDrawer } from './PersonForm.tsx';

export function RegisterPersonButton({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="register-person">
        {t('people.form.open')}
      </Button>
      <PersonFormDrawer
        open={open}
        mode={{ kind: 'create', unitId }}
        onClose={() => setOpen(false)}
        onSaved={(person) => {
          setOpen(false);
          void navigate(personPath(person.id));
        }}
      />
    </>
  );
}
