/**
 * Picks one unit, wherever a form or a page needs one (a report's place, an assignment's target, the
 * scope of the base-data and statistics pages, a grant's unit): the user's units as a tree whose
 * branches load when opened, or, while typing, the units whose name or code matches. With `rootId`,
 * only the units below that one (its children at the top). A form control (value = unit id).
 *
 * It reads the 网格 module's own queries, so a unit renamed or added there shows here at once.
 */
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { Spin, TreeSelect, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Unit } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { unitChildrenQueryOptions, useUnitChildren } from '../api/get-unit-children.ts';
import { useUnit } from '../api/get-unit.ts';
import { useUnitSearch } from '../api/search-units.ts';

interface Node {
  id: number;
  pId: number;
  value: number;
  title: ReactNode;
  label: string;
  isLeaf: boolean;
}

export interface UnitTreePickerProps {
  id?: string;
  value?: number | undefined;
  onChange?: (unitId: number | undefined) => void;
  /** Offer only this unit's subtree (its children at the top). */
  rootId?: number | undefined;
  placeholder?: string;
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

export function UnitTreePicker({ id, value, onChange, rootId, placeholder, allowClear, style, ...aria }: UnitTreePickerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // No parent: the server answers with the caller's top units (their grants' units).
  const roots = useUnitChildren(rootId ?? null);
  const [children, setChildren] = useState<Record<number, Unit[]>>({});
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const found = useUnitSearch(q);
  // Names of units chosen from search results, which the tree may not have loaded.
  const [picked, setPicked] = useState<Record<number, string>>({});

  const tree = useMemo(() => {
    const nodes = new Map<number, Node>();
    // Top units hang at the root even when their parent exists: it lies outside the user's scope.
    for (const u of roots.data?.items ?? []) nodes.set(u.id, node(u, 0));
    for (const [parentId, list] of Object.entries(children))
      for (const u of list) if (!nodes.has(u.id)) nodes.set(u.id, node(u, Number(parentId)));
    return [...nodes.values()];
  }, [roots.data, children]);

  const searching = search.trim().length > 0;
  const results = (found.data?.items ?? [])
    // Below the root means below it: a search may find the whole scope.
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

  const known = (unitId: number) =>
    tree.find((n) => n.value === unitId)?.label ?? picked[unitId] ?? found.data?.items.find((u) => u.id === unitId)?.name;
  // A unit that came from a link or a default, deep in the tree: its own answer names it.
  const unknown = value !== undefined && known(value) === undefined ? value : null;
  const chosen = useUnit(unknown);
  const nameOf = (unitId: number) => known(unitId) ?? (chosen.data?.unit.id === unitId ? chosen.data.unit.name : '…');

  const loadChildren = async (parentId: number) => {
    if (children[parentId]) return;
    const page = await queryClient.fetchQuery(unitChildrenQueryOptions(parentId));
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
        if (next) setPicked((current) => ({ ...current, [next.value]: nameOf(next.value) }));
        setSearch('');
        onChange?.(next?.value);
      }}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: 0 }}
      treeData={searching ? results : tree}
      treeNodeLabelProp="label"
      loadData={searching ? undefined : (n) => loadChildren(Number(n.value))}
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false }}
      placeholder={placeholder ?? t('units.picker.placeholder')}
      loading={roots.isPending}
      notFoundContent={
        searching && (found.isFetching || q !== search.trim()) ? (
          <Spin size="small" />
        ) : roots.isError ? (
          t('units.picker.loadFailed')
        ) : (
          t('units.picker.noMatch')
        )
      }
      // One level at a time, or at most 30 results: a plain list is easier to use and to test.
      virtual={false}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280 } } }}
    />
  );
}
