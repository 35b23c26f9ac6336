/** /people/:id: one person's facts, household and members, residence history, party membership and tickets. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Spin, Tag, Typography } from 'antd';
import { Permission } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isApiError } from '@/shared/api/api-error.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useCan, useCanSomewhere } from '@/shared/auth/use-can.ts';
import { usePerson } from '../api/get-person.ts';
import { useUnit } from '@/features/units/api/get-unit.ts';
import { PEOPLE_PATH } from '../utils/paths.ts';
import { PartyMembership } from './PartyMembership.tsx';
import { EditPersonButton } from './EditPersonButton.tsx';
import { PersonFacts } from './PersonFacts.tsx';
import { PersonFlagTags } from './PersonFlagTags.tsx';
import { PersonHousehold } from './PersonHousehold.tsx';
import { PersonRentals } from './PersonRentals.tsx';
import { PersonResidences } from './PersonResidences.tsx';
import { PersonTickets } from './PersonTickets.tsx';

function BackButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  // Back to the list as it was (filters, page) when we came from it; to the list otherwise.
  const back = () => (location.key === 'default' ? void navigate(PEOPLE_PATH) : void navigate(-1));
  return (
    <Button type="link" size="small" icon={<ArrowLeftOutlined />} onClick={back} style={{ paddingInline: 0 }}>
      {t('people.profile.back')}
    </Button>
  );
}

export function PersonProfile({ id }: { id: number }) {
  const { t } = useTranslation();
  const profile = usePerson(id);
  // Revealing is granted per unit: offered where one of the user's grants covers the person's unit.
  const unit = useUnit(profile.data?.person.unit.id);
  const canReveal = useCan(Permission.PersonalReveal, unit.data);
  const canSeeTickets = useCanSomewhere(Permission.TicketsRead);
  const canEdit = useCan(Permission.PeopleWrite, unit.data);

  if (profile.isPending) return <Spin description={t('app.loading')} />;
  if (profile.isError) {
    const missing = isApiError(profile.error) && (profile.error.status === 404 || profile.error.status === 403);
    return (
      <Card size="small">
        <BackButton />
        {missing ? (
          <Result status="404" title={t('people.profile.notFound')} />
        ) : (
          <Alert type="error" showIcon title={t('people.profile.loadFailed')} description={errorMessage(profile.error)} />
        )}
      </Card>
    );
  }
  const { person, household, residences, rentals, partyMember } = profile.data;

  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }} data-testid="person-name">
              {person.name}
            </Typography.Title>
            <Tag color="blue" variant="filled">
              {t(`people.residenceType.${person.residenceType}`)}
            </Tag>
            <PersonFlagTags flags={person.flags} />
          </Flex>
        }
        extra={
          <Flex gap={8} align="center">
            {canEdit && <EditPersonButton profile={profile.data} />}
            <BackButton />
          </Flex>
        }
      >
        <PersonFacts person={person} canReveal={canReveal} />
      </Card>
      <Card size="small" title={t('people.profile.household')}>
        <PersonHousehold household={household} personId={person.id} />
      </Card>
      <Card size="small" title={t('people.profile.residences')}>
        <PersonResidences residences={residences} personId={person.id} canEdit={canEdit} />
      </Card>
      {rentals.length > 0 && (
        <Card size="small" title={t('people.profile.rentals')}>
          <PersonRentals rentals={rentals} personId={person.id} />
        </Card>
      )}
      <Card size="small" title={t('people.profile.party')}>
        <PartyMembership membership={partyMember} />
      </Card>
      {canSeeTickets && (
        <Card size="small" title={t('people.profile.tickets')}>
          <PersonTickets personId={person.id} />
        </Card>
      )}
    </Flex>
  );
}
