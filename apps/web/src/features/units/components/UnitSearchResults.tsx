import { Alert, Button, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { useUnitSearch } from '../api/search-units.ts';

/** Units matching the navigator's search box; choosing one opens it (and the tree down to it). */
export function UnitSearchResults({ q, onOpen }: { q: string; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const search = useUnitSearch(q);

  if (search.isPending) return <Spin description={t('app.loading')} />;
  if (search.isError) return <Alert type="error" showIcon title={t('units.tree.searchFailed')} />;
  const { items, total } = search.data;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.tree.noResults')} />;

  return (
    <Flex vertical gap={2} role="list" aria-label={t('units.tree.searchResults', { n: total })}>
      <Typography.Text type="secondary" style={{ fontSize: 12, padding: '0 8px' }}>
        {total > items.length
          ? t('units.tree.searchResultsPartial', { shown: items.length, n: total })
          : t('units.tree.searchResults', { n: total })}
      </Typography.Text>
      {items.map((unit) => (
        <div role="listitem" key={unit.id}>
          <Button
            type="text"
            block
            onClick={() => onOpen(unit.id)}
            data-testid="unit-search-result"
            data-unit-id={unit.id}
            data-unit-name={unit.name}
            style={{ justifyContent: 'flex-start', height: 'auto', padding: '4px 8px' }}
          >
            <Flex gap={6} align="center" wrap>
              <span>{unit.name}</span>
              <UnitKindTag kind={unit.kind} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {unit.code}
              </Typography.Text>
            </Flex>
          </Button>
        </div>
      ))}
    </Flex>
  );
}
