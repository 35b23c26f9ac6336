/** The 用户 tab (system administrator): accounts, creating them, disabling and resetting passwords. */
import { useMe } from '@/shared/auth/get-me.ts';
import { CreateUserButton } from './CreateUserButton.tsx';
import { UserActions } from './UserActions.tsx';
import { UserDirectory } from './UserDirectory.tsx';

export function UsersPanel() {
  const myId = useMe().data?.user.id;
  return <UserDirectory toolbar={<CreateUserButton />} actions={(u) => <UserActions user={u} isSelf={u.id === myId} />} />;
}
