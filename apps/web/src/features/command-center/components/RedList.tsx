/** The red list: open tickets past a deadline, the longest late first, with who holds them. */
import { Flex, Tag, Typography } from 'antd';
import type { Dashboard } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDisplay } from '../hooks/use-display.ts';
import { ticketPath } from '../utils/links.ts';
import './command-center.css';

export function RedList({ items }: { items: Dashboard['redList'] }) {
  const { t } = useTranslation();
  const { wall } = useDisplay();
  if (items.length === 0) return <Typography.Text type="secondary">{t('commandCenter.red.empty')}</Typography.Text>;
  return (
    <ul className="cc-list" data-testid="cc-red-list" style={{ fontSize: wall ? 16 : 13 }}>
      {items.map((item) => (
        <li key={item.ticket.id} data-testid="cc-red-item" data-ticket-id={item.ticket.id} style={{ padding: '3px 0' }}>
          <Flex gap={8} align="baseline" justify="space-between">
            <Link to={ticketPath(item.ticket.id)} style={{ minWidth: 0, flex: 1 }}>
              <span className="cc-ellipsis" title={item.ticket.title}>
                {item.ticket.title}
              </span>
            </Link>
            <Typography.Text type="danger" style={{ fontSize: 'inherit', whiteSpace: 'nowrap' }}>
              {t('commandCenter.red.late', { n: item.workdaysLate })}
            </Typography.Text>
          </Flex>
          <Flex gap={6} align="center" wrap>
            <Typography.Text type="secondary" style={{ fontSize: wall ? 13 : 12 }}>
              {t('commandCenter.red.holder', { holder: item.holder, unit: item.unit })}
            </Typography.Text>
            {item.supervisionLevel && (
              <Tag
                color={item.supervisionLevel === 'normal' ? 'orange' : item.supervisionLevel === 'yellowCard' ? 'gold' : 'red'}
              >
                {t(`supervision.level.${item.supervisionLevel}`)}
              </Tag>
            )}
          </Flex>
        </li>
      ))}
    </ul>
  );
}
