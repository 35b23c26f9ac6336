import type { Assignment } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';

/** A role as officials say it; a 公益岗位 names its post: 公益岗位（护林员）. */
export function RoleName({ assignment }: { assignment: Pick<Assignment, 'role' | 'post'> }) {
  const { t } = useTranslation();
  const role = t(`staff.roles.${assignment.role}`);
  return <>{assignment.post ? t('staff.roleWithPost', { role, post: assignment.post }) : role}</>;
}
