/** The 授权 tab (security administrator): pick an account on the left, manage its grants on the right. */
import { useState } from 'react';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserDirectory } from './UserDirectory.tsx';
import { UserGrants } from './UserGrants.tsx';

export function GrantsPanel() {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <Flex gap={16} align="flex-start" wrap>
      <div style={{ flex: '1 1 480px', minWidth: 0 }}>
        <UserDirectory
          compact
          selectedId={selected}
          onSelect={(u) => setSelected(u.id)}
          actions={(u) => (
            <Button size="small" type="link" onClick={() => setSelected(u.id)}>
              {t('admin.users.manageGrants')}
            </Button>
          )}
        />
      </div>
      <div style={{ flex: '1 1 480px', minWidth: 0 }}>
        <UserGrants userId={selected} />
      </div>
    </Flex>
  );
}
