/** The child units ranked by on-time rate or satisfaction; a name opens that unit's dashboard, a figure its tickets. */
import { useState } from 'react';
import { Flex, Segmented, Typography } from 'antd';
import type { Dashboard } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount, formatRate } from '@/features/statistics/utils/format.ts';
import { useDisplay } from '../hooks/use-display.ts';
import { ticketListPath } from '../utils/links.ts';
import { rankChildren, RankKeys, type RankKey } from '../utils/ranking.ts';
import './command-center.css';

export interface RankingProps {
  items: Dashboard['children'];
  /** The period of the rates, for the lists behind them. */
  period: { from: string; to: string };
  /** The dashboard of a child unit. */
  linkTo: (unitId: number) => string;
  limit?: number;
}

export function Ranking({ items, period, linkTo, limit }: RankingProps) {
  const { t } = useTranslation();
  const { wall } = useDisplay();
  const [by, setBy] = useState<RankKey>('onTimeRate');
  if (items.length === 0) return <Typography.Text type="secondary">{t('commandCenter.ranking.empty')}</Typography.Text>;
  const rows = rankChildren(items, by).slice(0, limit);
  return (
    <Flex vertical gap={6}>
      <Segmented<RankKey>
        size="small"
        value={by}
        onChange={setBy}
        options={RankKeys.map((k) => ({ value: k, label: t(`commandCenter.figure.${k}`) }))}
        aria-label={t('commandCenter.ranking.by')}
        style={{ alignSelf: 'flex-start' }}
      />
      <table className="cc-table" data-testid="cc-ranking" style={{ fontSize: wall ? 16 : 13 }}>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('commandCenter.ranking.unit')}</th>
            <th>{t('commandCenter.figure.onTimeRate')}</th>
            <th>{t('commandCenter.figure.satisfactionRate')}</th>
            <th>{t('commandCenter.measure.open')}</th>
            <th>{t('commandCenter.measure.red')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c, i) => (
            <tr key={c.unit.id} data-testid="cc-ranking-row" data-unit-id={c.unit.id}>
              <td>{i + 1}</td>
              <td>
                <Link to={linkTo(c.unit.id)} data-testid="cc-ranking-link" data-unit-id={c.unit.id}>
                  {c.unit.name}
                </Link>
              </td>
              <td>
                <Link
                  to={ticketListPath({ within: c.unit.id, from: period.from, to: period.to, state: 'done', result: 'onTime' })}
                >
                  {formatRate(c.onTimeRate)}
                </Link>
              </td>
              <td>
                <Link to={ticketListPath({ within: c.unit.id, from: period.from, to: period.to, state: 'done' })}>
                  {formatRate(c.satisfactionRate)}
                </Link>
              </td>
              <td>
                <Link to={ticketListPath({ within: c.unit.id, state: 'open' })}>{formatCount(c.open)}</Link>
              </td>
              <td>
                <Link
                  to={ticketListPath({ within: c.unit.id, state: 'open', light: 'red' })}
                  style={{ color: c.red > 0 ? '#f5222d' : undefined }}
                >
                  {formatCount(c.red)}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Flex>
  );
}
