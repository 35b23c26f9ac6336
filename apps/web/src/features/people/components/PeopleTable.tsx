/** People as a dense table: masked numbers, Chinese labels, sortable by name, age and update time. */
import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { Person } from '@wangge/contracts';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { UnitLink } from '@/shared/ui/UnitLink.tsx';
import type { PersonPage, PersonSort } from '../api/get-people.ts';
import { personPath } from '../utils/paths.ts';
import { PersonFlagTags } from './PersonFlagTags.tsx';

export const PAGE_SIZE = 50;

type SortOrder = 'ascend' | 'descend' | null;

// The server sorts by birth date; officials think in ages, which run the other way.
const columnSort: Record<string, { ascend: PersonSort; descend?: PersonSort }> = {
  name: { ascend: 'name' },
  age: { ascend: '-birthDate', descend: 'birthDate' },
  updatedAt: { ascend: 'updatedAt', descend: '-updatedAt' },
};

function orderOf(column: string, sort: PersonSort | undefined): SortOrder {
  const entry = columnSort[column];
  if (!entry || !sort) return null;
  return entry.ascend === sort ? 'ascend' : entry.descend === sort ? 'descend' : null;
}

export interface PeopleTableProps {
  data: PersonPage | undefined;
  loading: boolean;
  page: number;
  sort: PersonSort | undefined;
  onPage: (page: number) => void;
  onSort: (sort: PersonSort | undefined) => void;
}

export function PeopleTable({ data, loading, page, sort, onPage, onSort }: PeopleTableProps) {
  const { t } = useTranslation();
  const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', whiteSpace: 'nowrap' } as const;

  const columns: TableColumnsType<Person> = [
    {
      key: 'name',
      title: t('people.fields.name'),
      width: 90,
      fixed: 'left',
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: orderOf('name', sort),
      render: (_, p) => (
        <Link to={personPath(p.id)} aria-label={t('people.table.open', { name: p.name })}>
          {p.name}
        </Link>
      ),
    },
    { key: 'sex', title: t('people.fields.sex'), width: 50, render: (_, p) => t(`people.sex.${p.sex}`) },
    {
      key: 'age',
      title: t('people.fields.age'),
      dataIndex: 'age',
      width: 70,
      align: 'right',
      sorter: true,
      sortOrder: orderOf('age', sort),
    },
    {
      key: 'idNumber',
      title: t('people.fields.documentNumber'),
      width: 170,
      render: (_, p) => (
        <span title={t(`people.idType.${p.idType}`)}>
          <span style={mono}>{p.idNumber}</span>
          {p.idType !== 'residentId' && <Typography.Text type="secondary"> {t(`people.idType.${p.idType}`)}</Typography.Text>}
        </span>
      ),
    },
    {
      key: 'phone',
      title: t('people.fields.phone'),
      width: 115,
      render: (_, p) => <span style={mono}>{p.phone ?? t('people.profile.none')}</span>,
    },
    {
      key: 'residenceType',
      title: t('people.fields.residenceType'),
      width: 95,
      render: (_, p) => t(`people.residenceType.${p.residenceType}`),
    },
    { key: 'flags', title: t('people.fields.flags'), width: 150, render: (_, p) => <PersonFlagTags flags={p.flags} /> },
    { key: 'address', title: t('people.fields.address'), dataIndex: 'address', ellipsis: true },
    {
      key: 'unit',
      title: t('people.fields.unit'),
      width: 170,
      render: (_, p) => (
        <Flex gap={6} align="center">
          <UnitLink id={p.unit.id}>{p.unit.name}</UnitLink>
          <UnitKindTag kind={p.unit.kind} />
        </Flex>
      ),
    },
    {
      key: 'updatedAt',
      title: t('people.fields.updatedAt'),
      width: 140,
      sorter: true,
      sortOrder: orderOf('updatedAt', sort),
      render: (_, p) => dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <div data-testid="people-table">
      <Table<Person>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 1150 }}
        locale={{ emptyText: t('people.table.empty') }}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action !== 'sort' || Array.isArray(sorter)) return;
          const entry = columnSort[String(sorter.columnKey)];
          onSort(sorter.order && entry ? entry[sorter.order] : undefined);
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: onPage,
          showSizeChanger: false,
          size: 'small',
          showTotal: () => (data ? totalText(data, t) : null),
        }}
      />
    </div>
  );
}

function totalText(data: PersonPage, t: TFunction): string {
  return data.totalIsEstimate ? t('people.table.totalEstimate', { n: data.total }) : t('people.table.total', { n: data.total });
}

/** 共 N 人, or 超过 10000 人 when the server stopped counting. */
export function PeopleTotal({ data }: { data: PersonPage }) {
  const { t } = useTranslation();
  return <Typography.Text data-testid="people-total">{totalText(data, t)}</Typography.Text>;
}
