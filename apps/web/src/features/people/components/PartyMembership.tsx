/** Party membership (党员信息): when joined, the party group, whether working away. */
import { Descriptions, Empty } from 'antd';
import type { PersonProfile } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';

export function PartyMembership({ membership }: { membership: PersonProfile['partyMember'] }) {
  const { t } = useTranslation();
  if (!membership) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.profile.partyNone')} />;
  const none = t('people.profile.none');
  return (
    <Descriptions
      size="small"
      column={3}
      items={[
        { key: 'joinedOn', label: t('people.profile.joinedOn'), children: membership.joinedOn ?? none },
        { key: 'partyGroup', label: t('people.profile.partyGroup'), children: membership.partyGroup ?? none },
        {
          key: 'workingAway',
          label: t('people.profile.workingAway'),
          children: membership.workingAway ? t('common.yes') : t('common.no'),
        },
      ]}
    />
  );
}
