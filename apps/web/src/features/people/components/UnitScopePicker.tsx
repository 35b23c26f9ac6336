/**
 * Picks the unit whose subtree the base-data screens show: the user's top units as a tree whose
 * branches load when opened, or, while typing, the units whose name or code matches.
 */
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { Spin, TreeSelect, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Unit } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { useUnitDetail } from '../api/get-unit-detail.ts';
import { scopeUnitsQueryOptions, useScopeUnitSearch, useTopUnits } from '../api/get-scope-units.ts';

interface Node {
  id: number;
  pId: number;
  value: number;
  title: ReactNode;
  label: string;
  isLeaf: boolean;
}

export interface UnitScopePickerProps {
  id?: string;
  value?: number | undefined;
  onChange?: (unitId: number | undefined) => void;
  style?: CSSProperties;
  'aria-label'?: string;
}

export function UnitScopePicker({ id, value, onChange, style, ...aria }: UnitScopePickerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roots = useTopUnits();
  const [children, setChildren] = useState<Record<number, Unit[]>>({});
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const found = useScopeUnitSearch(q);
  // The chosen unit may come from a link, deep in the tree: its own answer names it.
  const chosen = useUnitDetail(value);

  const tree = useMemo(() => {
    const nodes = new Map<number, Node>();
    const add = (u: Unit, pId: number) => {
      if (!nodes.has(u.id))
        nodes.set(u.id, { id: u.id, pId, value: u.id, title: u.name, label: u.name, isLeaf: u.childCount === 0 });
    };
    // Top units hang at the root even when their parent exists: it lies outside the user's scope.
    for (const u of roots.data?.items ?? []) add(u, 0);
    for (const [parentId, list] of Object.entries(children)) for (const u of list) add(u, Number(parentId));
    return [...nodes.values()];
  }, [roots.data, children]);

  const searching = search.trim().length > 0;
  const results: Node[] = (found.data?.items ?? []).map((u) => ({
    id: u.id,
    pId: 0,
    value: u.id,
    label: u.name,
    isLeaf: true,
    title: (
      <span>
        {u.name}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`units.kind.${u.kind}`)} {u.code}
        </Typography.Text>
      </span>
    ),
  }));

  const nameOf = (unitId: number) =>
    tree.find((n) => n.value === unitId)?.label ??
    (chosen.data?.unit.id === unitId ? chosen.data.unit.name : undefined) ??
    found.data?.items.find((u) => u.id === unitId)?.name ??
    '…';

  const loadChildren = async (parentId: number) => {
    if (children[parentId]) return;
    const page = await queryClient.fetchQuery(scopeUnitsQueryOptions(parentId));
    setChildren((current) => ({ ...current, [parentId]: page.items }));
  };

  return (
    <TreeSelect<{ value: number; label: ReactNode } | undefined>
      id={id}
      {...aria}
      style={style}
      labelInValue
      value={value === undefined ? undefined : { value, label: nameOf(value) }}
      onChange={(next) => {
        setSearch('');
        onChange?.(next?.value);
      }}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: 0 }}
      treeData={searching ? results : tree}
      treeNodeLabelProp="label"
      loadData={searching ? undefined : (node) => loadChildren(Number(node.value))}
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false }}
      placeholder={t('people.scope.placeholder')}
      loading={roots.isPending}
      notFoundContent={
        searching && (found.isFetching || q !== search.trim()) ? (
          <Spin size="small" />
        ) : roots.isError ? (
          t('people.scope.loadFailed')
        ) : (
          t('people.scope.noMatch')
        )
      }
      // One level at a time, or at most 30 results: a plain list is easier to use and to test.
      virtual={false}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280 } } }}
    />
  );
}
