/**
 * The live feed: the newest reports of the unit, newest first, each linked to its ticket. A report
 * that arrives while the screen is open appears on top and flashes once.
 */
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { chinaDateTime } from '@/shared/utils/china-time.ts';
import { useDisplay } from '../hooks/use-display.ts';
import { lightColors } from '../utils/colors.ts';
import type { FeedItem } from '../utils/feed.ts';
import { ticketPath } from '../utils/links.ts';
import './command-center.css';

export function LiveFeed({ items }: { items: readonly FeedItem[] }) {
  const { t } = useTranslation();
  const { wall } = useDisplay();
  if (items.length === 0) return <Typography.Text type="secondary">{t('commandCenter.feed.empty')}</Typography.Text>;
  return (
    <ul className="cc-list" data-testid="cc-feed" aria-live="polite" style={{ fontSize: wall ? 16 : 13 }}>
      {items.map((item) => (
        <li
          key={item.ticket.id}
          className="cc-feed-item"
          data-testid="cc-feed-item"
          data-ticket-id={item.ticket.id}
          data-fresh={item.fresh}
        >
          <Flex gap={8} align="baseline">
            <span
              aria-label={t(`commandCenter.light.${item.light ?? 'none'}`)}
              style={{
                width: 10,
                height: 10,
                flex: '0 0 10px',
                borderRadius: 5,
                background: lightColors[item.light ?? 'none'],
                display: 'inline-block',
              }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 'inherit', flex: '0 0 auto' }}>
              {chinaDateTime(item.receivedAt).slice(5)}
            </Typography.Text>
            <Link to={ticketPath(item.ticket.id)} style={{ flex: 1, minWidth: 0 }}>
              <span className="cc-ellipsis" title={item.ticket.title}>
                {item.ticket.title}
              </span>
            </Link>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: wall ? 13 : 12, paddingLeft: 18 }}>
            {item.unit} · {item.category} · {item.ticket.code}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
