/**
 * Picks a unit for a ticket: where it happened (the user's own units as a tree) or, with `rootId`,
 * a unit below the current holder to assign it to. Branches load when opened; typing searches by
 * name or code. A form control (value = unit id).
 */
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { Spin, TreeSelect, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Unit } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { unitOptionsQueryOptions, useUnitDetail, useUnitOptions, useUnitSearch } from '../api/get-units.ts';

interface Node {
  id: number;
  pId: number;
  value: number;
  title: ReactNode;
  label: string;
  isLeaf: boolean;
}

export interface UnitPickerProps {
  id?: string;
  value?: number | undefined;
  onChange?: (unitId: number | undefined) => void;
  /** Offer only this unit's subtree (its children at the top). */
  rootId?: number;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

const node = (u: Unit, pId: number, title: ReactNode = u.name): Node => ({
  id: u.id,
  pId,
  value: u.id,
  title,
  label: u.name,
  isLeaf: u.childCount === 0,
});

export function UnitPicker({ id, value, onChange, rootId, allowClear, style, ...aria }: UnitPickerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roots = useUnitOptions(rootId ?? null);
  const [children, setChildren] = useState<Record<number, Unit[]>>({});
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const found = useUnitSearch(q);
  const chosen = useUnitDetail(value);

  const tree = useMemo(() => {
    const nodes = new Map<number, Node>();
    for (const u of roots.data?.items ?? []) nodes.set(u.id, node(u, 0));
    for (const [parentId, list] of Object.entries(children))
      for (const u of list) if (!nodes.has(u.id)) nodes.set(u.id, node(u, Number(parentId)));
    return [...nodes.values()];
  }, [roots.data, children]);

  const searching = search.trim().length > 0;
  const results = (found.data?.items ?? [])
    // Below the holder means below it: a search may find the whole scope.
    .filter((u) => rootId === undefined || u.id !== rootId)
    .map((u) =>
      node(
        { ...u, childCount: 0 },
        0,
        <span>
          {u.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`units.kind.${u.kind}`)} {u.code}
          </Typography.Text>
        </span>,
      ),
    );

  const nameOf = (unitId: number) =>
    tree.find((n) => n.value === unitId)?.label ??
    (chosen.data?.unit.id === unitId ? chosen.data.unit.name : undefined) ??
    found.data?.items.find((u) => u.id === unitId)?.name ??
    '…';

  const loadChildren = async (parentId: number) => {
    if (children[parentId]) return;
    const page = await queryClient.fetchQuery(unitOptionsQueryOptions(parentId));
    setChildren((current) => ({ ...current, [parentId]: page.items }));
  };

  return (
    <TreeSelect<{ value: number; label: ReactNode } | undefined>
      id={id}
      {...aria}
      style={style}
      labelInValue
      allowClear={allowClear}
      value={value === undefined ? undefined : { value, label: nameOf(value) }}
      onChange={(next) => {
        setSearch('');
        onChange?.(next?.value);
      }}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: 0 }}
      treeData={searching ? results : tree}
      treeNodeLabelProp="label"
      loadData={searching ? undefined : (n) => loadChildren(Number(n.value))}
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false }}
      placeholder={t('tickets.unitPicker.placeholder')}
      loading={roots.isPending}
      notFoundContent={
        searching && (found.isFetching || q !== search.trim()) ? (
          <Spin size="small" />
        ) : roots.isError ? (
          t('tickets.unitPicker.loadFailed')
        ) : (
          t('tickets.unitPicker.noMatch')
        )
      }
      virtual={false}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280 } } }}
    />
  );
}
