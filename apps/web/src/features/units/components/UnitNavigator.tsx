/**
 * The unit tree on the left of the 网格 module: lazily loaded children, a search box that finds a
 * unit anywhere by name or code, and selection that follows the URL (/units/:id). Opening a unit
 * by link or search expands the tree down to it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Empty, Flex, Input, Spin, Tree, Typography } from 'antd';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { Unit } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { unitPath } from '@/shared/ui/UnitLink.tsx';
import { unitChildrenQueryOptions, useUnitChildren } from '../api/get-unit-children.ts';
import { useUnit } from '../api/get-unit.ts';
import { UnitSearchResults } from './UnitSearchResults.tsx';

interface UnitNode {
  key: number | string;
  title: ReactNode;
  isLeaf?: boolean;
  selectable?: boolean;
  disabled?: boolean;
  children?: UnitNode[];
  // Passed through to the treeitem element: browser tests find a unit by its name.
  'data-unit-id'?: number;
  'data-unit-name'?: string;
  'aria-label'?: string;
}

function UnitTitle({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  return (
    <Flex
      component="span"
      gap={6}
      align="center"
      data-testid="unit-tree-title"
      data-unit-id={unit.id}
      style={{ whiteSpace: 'nowrap' }}
    >
      <span>{unit.name}</span>
      <UnitKindTag kind={unit.kind} />
      {unit.childCount > 0 && (
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12 }}
          aria-label={t('units.tree.childCount', { n: unit.childCount })}
        >
          ({unit.childCount})
        </Typography.Text>
      )}
    </Flex>
  );
}

export function UnitNavigator({ selectedId }: { selectedId: number | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const [expanded, setExpanded] = useState<number[]>([]);

  const roots = useUnitChildren(null);
  const selected = useUnit(selectedId);

  // A deep link or a search hit opens the branches down to the unit, and the unit itself. Only
  // from the tree's own roots down: ancestors above an official's scope cannot be listed.
  const selectedPath = selected.data ? [...selected.data.ancestors.map((a) => a.id), selected.data.unit.id] : [];
  const rootIds = new Set(roots.data?.items.map((u) => u.id));
  const fromRoot = selectedPath.findIndex((id) => rootIds.has(id));
  const selectedPathKey = fromRoot < 0 ? '' : selectedPath.slice(fromRoot).join('/');
  useEffect(() => {
    if (!selectedPathKey) return;
    const ids = selectedPathKey.split('/').map(Number);
    setExpanded((prev) => [...prev, ...ids.filter((id) => !prev.includes(id))]);
  }, [selectedPathKey]);

  // Children of every open branch; the same cache serves antd's loadData, so nothing loads twice.
  const childQueries = useQueries({ queries: expanded.map((id) => unitChildrenQueryOptions(id)) });
  const childrenOf = new Map(expanded.map((id, i) => [id, childQueries[i]?.data]));

  const toNode = (unit: Unit): UnitNode => {
    const page = childrenOf.get(unit.id);
    const node: UnitNode = {
      key: unit.id,
      title: <UnitTitle unit={unit} />,
      isLeaf: unit.childCount === 0,
      'data-unit-id': unit.id,
      'data-unit-name': unit.name,
      'aria-label': unit.name,
    };
    if (page) {
      node.children = page.items.map(toNode);
      if (page.total > page.items.length) {
        node.children.push({
          key: `more-${unit.id}`,
          title: (
            <Typography.Text type="secondary">
              {t('units.tree.more', { shown: page.items.length, total: page.total })}
            </Typography.Text>
          ),
          isLeaf: true,
          selectable: false,
        });
      }
    }
    return node;
  };

  const open = (id: number) => {
    setSearch('');
    void navigate(unitPath(id));
  };

  let body: ReactNode;
  if (q) {
    body = <UnitSearchResults q={q} onOpen={open} />;
  } else if (roots.isPending) {
    body = <Spin description={t('app.loading')} />;
  } else if (roots.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        title={t('units.tree.loadFailed')}
        action={<Button onClick={() => void roots.refetch()}>{t('common.retry')}</Button>}
      />
    );
  } else if (roots.data.items.length === 0) {
    body = <Empty description={t('units.tree.empty')} />;
  } else {
    body = (
      <Tree<UnitNode>
        blockNode
        showLine
        treeData={roots.data.items.map(toNode)}
        expandedKeys={expanded}
        selectedKeys={selectedId === null ? [] : [selectedId]}
        onExpand={(keys) => setExpanded(keys.map(Number).filter((k) => !Number.isNaN(k)))}
        loadData={(node) => queryClient.ensureQueryData(unitChildrenQueryOptions(Number(node.key))).then(() => undefined)}
        onSelect={(_keys, { node }) => {
          if (typeof node.key === 'number') open(node.key);
        }}
      />
    );
  }

  return (
    <Flex vertical gap={8} style={{ height: '100%' }}>
      <div data-testid="unit-search">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('units.tree.searchPlaceholder')}
          aria-label={t('units.tree.search')}
          maxLength={50}
        />
      </div>
      <nav aria-label={t('units.tree.label')} data-testid="unit-tree" style={{ overflow: 'auto', flex: 1 }}>
        {body}
      </nav>
    </Flex>
  );
}
