/** The person's household: address, head and every member, each linking to their profile. */
import { Descriptions, Empty, Flex, Table, Tag } from 'antd';
import type { PersonProfile } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { personPath } from '../utils/paths.ts';

type Household = NonNullable<PersonProfile['household']>;
type Member = Household['members'][number];

export function PersonHousehold({ household, personId }: { household: Household | null; personId: number }) {
  const { t } = useTranslation();
  if (!household) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.profile.householdNone')} />;

  return (
    <Flex vertical gap={8}>
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'address', label: t('people.profile.householdAddress'), children: household.address },
          { key: 'head', label: t('people.profile.head'), children: household.headName },
        ]}
      />
      <div data-testid="household-members">
        <Table<Member>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={household.members}
          columns={[
            {
              key: 'name',
              title: t('people.profile.members'),
              render: (_, m) =>
                m.id === personId ? (
                  <span>
                    {m.name} <Tag>{t('people.profile.self')}</Tag>
                  </span>
                ) : (
                  <Link to={personPath(m.id)}>{m.name}</Link>
                ),
            },
            {
              key: 'relationToHead',
              title: t('people.fields.relationToHead'),
              render: (_, m) => m.relationToHead ?? t('people.profile.none'),
            },
            { key: 'age', title: t('people.fields.age'), dataIndex: 'age', align: 'right', width: 70 },
          ]}
        />
      </div>
    </Flex>
  );
}
