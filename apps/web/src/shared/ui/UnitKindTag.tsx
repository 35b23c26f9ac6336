import { Tag } from 'antd';
import type { UnitKind } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';

// One colour per level, so a glance at a list tells a township from a grid.
const kindColor: Record<UnitKind, string> = {
  county: 'magenta',
  township: 'volcano',
  village: 'gold',
  grid: 'blue',
  microGrid: 'cyan',
  householdGroup: 'green',
};

/** The kind of a unit (县, 乡镇/街道, 村/社区, 网格 …) as a small coloured tag. */
export function UnitKindTag({ kind }: { kind: UnitKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={kindColor[kind]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`units.kind.${kind}`)}
    </Tag>
  );
}
