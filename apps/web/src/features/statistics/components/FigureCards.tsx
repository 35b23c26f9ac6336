/**
 * The key figures of a unit and period as small cards, most watched first. A card whose figure
 * counts tickets opens the tickets list behind it.
 */
import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import type { StatFigures } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount, formatDays, formatRate } from '../utils/format.ts';
import { countFilter, type RateKey } from '../utils/metrics.ts';
import { ticketListPath, type TicketListFilter } from '../utils/ticket-links.ts';

type FigureKey = 'received' | 'overdueNow' | 'avgWorkdaysToClose' | RateKey;

interface Figure {
  key: FigureKey;
  value: string;
  hint?: string;
  /** The tickets behind the figure, when it counts some. */
  link?: TicketListFilter;
  alert?: boolean;
}

function Tile({ figure, label }: { figure: Figure; label: string }) {
  const body: ReactNode = (
    <Card
      size="small"
      styles={{ body: { padding: '8px 12px' } }}
      hoverable={figure.link !== undefined}
      style={{ height: '100%' }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <div
        data-testid={`figure-${figure.key}`}
        style={{ fontSize: 24, fontWeight: 600, lineHeight: '32px', color: figure.alert ? '#cf1322' : undefined }}
      >
        {figure.value}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {figure.hint ?? '\u00a0'}
      </Typography.Text>
    </Card>
  );
  return figure.link ? (
    <Link to={ticketListPath(figure.link)} aria-label={`${label} ${figure.value}`} style={{ color: 'inherit' }}>
      {body}
    </Link>
  ) : (
    body
  );
}

export function FigureCards({ figures: f, base }: { figures: StatFigures; base: TicketListFilter }) {
  const { t } = useTranslation();
  const link = (key: keyof typeof countFilter) => ({ ...base, ...countFilter[key] });
  const list: Figure[] = [
    {
      key: 'received',
      value: formatCount(f.received),
      hint: t('statistics.hint.received', { n: f.rejected }),
      link: link('received'),
    },
    {
      key: 'completionRate',
      value: formatRate(f.completionRate),
      hint: t('statistics.hint.completionRate', { closed: f.closed, due: f.due }),
      link: link('closed'),
    },
    {
      key: 'onTimeRate',
      value: formatRate(f.onTimeRate),
      hint: t('statistics.hint.onTimeRate', { closedOnTime: f.closedOnTime, due: f.due }),
      link: link('closedOnTime'),
    },
    { key: 'satisfactionRate', value: formatRate(f.satisfactionRate) },
    { key: 'responseRate', value: formatRate(f.responseRate) },
    { key: 'resolutionRate', value: formatRate(f.resolutionRate) },
    { key: 'selfResolvedShare', value: formatRate(f.selfResolvedShare) },
    {
      key: 'overdueNow',
      value: formatCount(f.overdueNow),
      hint: t('statistics.hint.overdueNow', { n: f.openNow }),
      link: link('overdueNow'),
      alert: f.overdueNow > 0,
    },
    { key: 'avgWorkdaysToClose', value: formatDays(f.avgWorkdaysToClose), hint: t('statistics.hint.avgWorkdaysToClose') },
    { key: 'redoRate', value: formatRate(f.redoRate) },
    { key: 'returnRate', value: formatRate(f.returnRate) },
  ];

  return (
    <div
      data-testid="figure-cards"
      style={{ display: 'grid', gap: 8, gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))' }}
    >
      {list.map((figure) => (
        <Tile key={figure.key} figure={figure} label={t(`statistics.figure.${figure.key}`)} />
      ))}
    </div>
  );
}
