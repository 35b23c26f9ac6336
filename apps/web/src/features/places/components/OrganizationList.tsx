/** The 组织场所 tab: organizations and places in the unit's subtree, by kind and by name or address. */
import { useState } from 'react';
import { Alert, Flex, Input, Select, Table, Tag } from 'antd';
import { OrganizationKinds } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { UnitLink } from '@/shared/ui/UnitLink.tsx';
import { useOrganizations, type Organization, type OrganizationKind } from '../api/get-organizations.ts';

const PAGE_SIZE = 50;
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', whiteSpace: 'nowrap' } as const;

export function OrganizationList({ within }: { within: number }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<OrganizationKind | undefined>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const [page, setPage] = useState(1);
  const organizations = useOrganizations({ within, kind, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const none = t('places.none');

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Select<OrganizationKind>
          allowClear
          style={{ width: 160 }}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setPage(1);
          }}
          placeholder={t('places.organizations.allKinds')}
          aria-label={t('places.organizations.kindFilter')}
          options={OrganizationKinds.map((k) => ({ value: k, label: t(`places.organizationKind.${k}`) }))}
        />
        <Input.Search
          allowClear
          style={{ width: 280 }}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
          placeholder={t('places.organizations.searchPlaceholder')}
          aria-label={t('places.organizations.search')}
          maxLength={50}
        />
      </Flex>
      {organizations.isError && (
        <Alert
          type="error"
          showIcon
          title={t('places.organizations.loadFailed')}
          description={errorMessage(organizations.error)}
        />
      )}
      <div data-testid="organization-table">
        <Table<Organization>
          size="small"
          rowKey="id"
          loading={organizations.isFetching}
          dataSource={organizations.data?.items ?? []}
          locale={{ emptyText: t('places.organizations.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: organizations.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            size: 'small',
            showTotal: (total) => t('common.total', { n: total }),
          }}
          columns={[
            { key: 'name', title: t('places.organizations.fields.name'), dataIndex: 'name' },
            {
              key: 'kind',
              title: t('places.organizations.fields.kind'),
              width: 100,
              render: (_, o) => (
                <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
                  {t(`places.organizationKind.${o.kind}`)}
                </Tag>
              ),
            },
            {
              key: 'contactName',
              title: t('places.organizations.fields.contactName'),
              width: 90,
              render: (_, o) => o.contactName ?? none,
            },
            {
              key: 'contactPhone',
              title: t('places.organizations.fields.contactPhone'),
              width: 120,
              render: (_, o) => <span style={mono}>{o.contactPhone ?? none}</span>,
            },
            {
              key: 'address',
              title: t('places.organizations.fields.address'),
              ellipsis: true,
              render: (_, o) => o.address ?? none,
            },
            {
              key: 'unit',
              title: t('places.organizations.fields.unit'),
              width: 180,
              render: (_, o) => (
                <Flex gap={6} align="center">
                  <UnitLink id={o.unit.id}>{o.unit.name}</UnitLink>
                  <UnitKindTag kind={o.unit.kind} />
                </Flex>
              ),
            },
          ]}
        />
      </div>
    </Flex>
  );
}
