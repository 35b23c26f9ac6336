/**
 * 事件类别 (system administrator): the category tree that every report is filed under, with each
 * category's default handling level and department, its deadlines (the 13710 defaults of its class,
 * or its own), extra fields, duplicate radius and status. Add a category, a sub-category, or edit one.
 */
import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Category } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { nestCategories, useCategories } from '@/features/tickets/api/get-categories.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { CategoryForm } from './CategoryForm.tsx';

type Row = Category & { children?: Row[] };

/** Every category, retired ones too, as the table's tree. */
const treeOf = (categories: Category[]): Row[] =>
  nestCategories<Row>(categories, (c, children) => (children.length > 0 ? { ...c, children } : { ...c }));

export function CategoriesPanel() {
  const { t } = useTranslation();
  const categories = useCategories();
  const rows = useMemo(() => treeOf(categories.data ?? []), [categories.data]);
  // What the form edits: a category, or a new one (under a parent, or at the top).
  const [editing, setEditing] = useState<{ category: Category | null; parentId: number | null } | null>(null);

  if (categories.isError) return <Alert type="error" showIcon title={errorMessage(categories.error)} />;

  const rule = (c: Category) => {
    const r = c.deadlines.normal.resolve;
    return r.months !== undefined ? t('categories.months', { n: r.months }) : t('categories.workdays', { n: r.workdays });
  };
  const columns: TableColumnsType<Row> = [
    { key: 'name', title: t('categories.fields.name'), render: (_, c) => c.name },
    {
      key: 'code',
      title: t('categories.fields.code'),
      width: 170,
      render: (_, c) => <Typography.Text code>{c.code}</Typography.Text>,
    },
    {
      key: 'level',
      title: t('categories.fields.defaultLevel'),
      width: 100,
      render: (_, c) => t(`tickets.level.${c.defaultLevel}`),
    },
    {
      key: 'department',
      title: t('categories.fields.defaultDepartment'),
      width: 130,
      render: (_, c) => c.defaultDepartment?.name ?? '—',
    },
    {
      key: 'deadline',
      title: t('categories.fields.resolveDeadline'),
      width: 150,
      render: (_, c) => (
        <Flex gap={4} align="center">
          {rule(c)}
          {c.customDeadlines ? (
            <Tag color="blue">{t('categories.custom')}</Tag>
          ) : (
            <Tag>{t(`categories.class.${c.deadlineClass}`)}</Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'fields',
      title: t('categories.fields.extraFields'),
      width: 90,
      render: (_, c) => Object.keys((c.fieldsSchema?.properties as object | undefined) ?? {}).length || '—',
    },
    {
      key: 'radius',
      title: t('categories.fields.duplicateRadiusM'),
      width: 100,
      align: 'right',
      render: (_, c) => c.duplicateRadiusM,
    },
    {
      key: 'status',
      title: t('categories.fields.status'),
      width: 80,
      render: (_, c) => <Tag color={c.status === 'active' ? 'green' : 'default'}>{t(`categories.status.${c.status}`)}</Tag>,
    },
    {
      key: 'actions',
      title: t('categories.actions'),
      width: 150,
      render: (_, c) => (
        <Flex gap={4}>
          <Button size="small" type="link" onClick={() => setEditing({ category: c, parentId: c.parentId })}>
            {t('categories.edit')}
          </Button>
          <Button size="small" type="link" onClick={() => setEditing({ category: null, parentId: c.id })}>
            {t('categories.addChild')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap="middle" data-testid="categories-panel">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('categories.hint')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ category: null, parentId: null })}>
          {t('categories.add')}
        </Button>
      </Flex>
      <Table<Row>
        // Expanded once the tree is there (the table expands only the rows it starts with).
        key={rows.length}
        size="small"
        rowKey="id"
        loading={categories.isPending}
        dataSource={rows}
        columns={columns}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        scroll={{ x: 1100 }}
      />
      {editing && (
        <CategoryForm
          category={editing.category}
          parentId={editing.parentId}
          categories={categories.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
