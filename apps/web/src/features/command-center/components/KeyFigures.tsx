/**
 * The key figures as tiles: the value, the change from the previous period (arrow, amount;
 * percentage points for a rate, green better and red worse), a link to what stands behind it and,
 * for tickets, the .xlsx of that list. On the wall the tiles are larger and have no download.
 * Plain elements coloured from the theme's tokens: this is the first thing a cold load paints, so
 * it carries no component that must build its styles first.
 */
import type { CSSProperties, MouseEvent } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, MinusOutlined } from '@ant-design/icons';
import { App, theme } from 'antd';
import type { Dashboard } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDisplay } from '../hooks/use-display.ts';
import { toneColors } from '../utils/colors.ts';
import { figureList, type Change, type Figure } from '../utils/figures.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { downloadTicketExport } from '../api/export-tickets.ts';
import { ticketExportUrl } from '../utils/links.ts';

function ChangeLine({ change, wall, secondary }: { change: Change | undefined; wall: boolean; secondary: string }) {
  const { t } = useTranslation();
  const style: CSSProperties = { fontSize: wall ? 14 : 12, color: secondary, minHeight: wall ? 22 : 18, display: 'block' };
  if (!change) return <span style={style}>{'\u00a0'}</span>;
  const Icon = change.direction === 'up' ? ArrowUpOutlined : change.direction === 'down' ? ArrowDownOutlined : MinusOutlined;
  const amount =
    change.direction === 'flat' ? t('commandCenter.change.flat') : t(`commandCenter.change.${change.unit}`, { n: change.amount });
  return (
    <span
      style={{ ...style, color: change.tone === 'neutral' ? secondary : toneColors[change.tone] }}
      data-testid="cc-change"
      data-direction={change.direction}
      data-tone={change.tone}
    >
      {t(`commandCenter.change.${change.against}`)} <Icon aria-label={t(`commandCenter.change.${change.direction}`)} /> {amount}
    </span>
  );
}

function FigureTile({ figure, label, wall }: { figure: Figure; label: string; wall: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const exportLabel = t('commandCenter.figures.export', { name: label });
  const exportUrl = figure.tickets ? ticketExportUrl(figure.tickets) : null;
  // A real link (it can be copied or opened); a click fetches it, so a refusal reads as a message.
  const download = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!exportUrl) return;
    e.preventDefault();
    downloadTicketExport(exportUrl, `${label}.xlsx`).catch((error: unknown) => void message.error(errorMessage(error)));
  };
  return (
    <div
      style={{
        position: 'relative',
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        padding: wall ? '10px 14px' : '8px 12px',
      }}
    >
      <Link
        to={figure.to}
        data-testid={`cc-figure-${figure.key}`}
        aria-label={`${label} ${figure.value}`}
        style={{ color: token.colorText, display: 'block' }}
      >
        <span style={{ fontSize: wall ? 16 : 13, color: token.colorTextSecondary }}>{label}</span>
        <span
          data-testid={`cc-value-${figure.key}`}
          style={{
            display: 'block',
            fontSize: wall ? 36 : 24,
            fontWeight: 600,
            lineHeight: wall ? '46px' : '32px',
            color: figure.alert ? '#f5222d' : undefined,
            fontVariantNumeric: 'tabular-nums',
          }}
        >
          {figure.value}
        </span>
        <ChangeLine change={figure.change} wall={wall} secondary={token.colorTextSecondary} />
      </Link>
      {exportUrl && !wall && (
        <a
          href={exportUrl}
          onClick={download}
          download
          title={exportLabel}
          aria-label={exportLabel}
          data-testid={`cc-export-${figure.key}`}
          style={{ position: 'absolute', top: 6, right: 8, fontSize: 12 }}
        >
          <DownloadOutlined />
        </a>
      )}
    </div>
  );
}

export function KeyFigures({ data, keys }: { data: Dashboard; keys?: readonly Figure['key'][] }) {
  const { t } = useTranslation();
  const { wall } = useDisplay();
  const list = figureList(data).filter((f) => !keys || keys.includes(f.key));
  return (
    <div
      data-testid="cc-figures"
      style={{
        display: 'grid',
        gap: wall ? 12 : 8,
        gridTemplateColumns: wall ? 'repeat(3, 1fr)' : 'repeat(auto-fill, minmax(160px, 1fr))',
      }}
    >
      {list.map((figure) => (
        <FigureTile key={figure.key} figure={figure} wall={wall} label={t(`commandCenter.figure.${figure.key}`)} />
      ))}
    </div>
  );
}
