/** 督办 / 黄牌督办 / 红牌督办 as a coloured tag: the colour is what officials scan for. */
import { Tag } from 'antd';
import type { SupervisionLevel } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';

const colour: Record<SupervisionLevel, string> = { normal: 'blue', yellowCard: 'gold', redCard: 'red' };

export function SupervisionLevelTag({ level }: { level: SupervisionLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={colour[level]} data-level={level} style={{ marginInlineEnd: 0 }}>
      {t(`supervision.level.${level}`)}
    </Tag>
  );
}
