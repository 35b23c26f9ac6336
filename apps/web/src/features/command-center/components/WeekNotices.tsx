/** This week's supervision notices (督办函): number, ticket, to whom, level. */
import { Flex, Tag, Typography } from 'antd';
import type { Dashboard } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { chinaDateTime } from '@/shared/utils/china-time.ts';
import { useDisplay } from '../hooks/use-display.ts';
import { ticketPath } from '../utils/links.ts';
import './command-center.css';

const levelColor = { normal: 'orange', yellowCard: 'gold', redCard: 'red' } as const;

export function WeekNotices({ items }: { items: Dashboard['notices'] }) {
  const { t } = useTranslation();
  const { wall } = useDisplay();
  if (items.length === 0) return <Typography.Text type="secondary">{t('commandCenter.notices.empty')}</Typography.Text>;
  return (
    <ul className="cc-list" data-testid="cc-notices" style={{ fontSize: wall ? 16 : 13 }}>
      {items.map((n) => (
        <li key={n.id} data-testid="cc-notice" style={{ padding: '3px 0' }}>
          <Flex gap={6} align="center" wrap>
            <Tag color={levelColor[n.level]}>{t(`supervision.level.${n.level}`)}</Tag>
            <Typography.Text strong style={{ fontSize: 'inherit' }}>
              {n.number}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: wall ? 13 : 12 }}>
              {chinaDateTime(n.issuedAt)}
            </Typography.Text>
          </Flex>
          <Link to={ticketPath(n.ticket.id)}>
            <span className="cc-ellipsis" title={n.ticket.title}>
              {n.ticket.title}
            </span>
          </Link>{' '}
          <Typography.Text type="secondary" style={{ fontSize: wall ? 13 : 12 }}>
            {t('commandCenter.notices.to', { name: n.addressedTo })}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
