/** The top of a ticket: code and title, state, light, who holds it at which level, and where it came from. */
import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { Ticket } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { UnitLink } from '@/shared/ui/UnitLink.tsx';
import { chinaDateTime } from '@/shared/utils/china-time.ts';
import { LightBadge, StateTag, TimeLeft } from './TicketBadges.tsx';

export function TicketHeader({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid="ticket-header">
      <Flex gap={12} align="center" wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {ticket.title}
        </Typography.Title>
        <StateTag state={ticket.state} />
        <LightBadge light={ticket.light} />
        {ticket.urgency === 'urgent' && <Tag color="red">{t('tickets.urgency.urgent')}</Tag>}
        {ticket.supervisionLevel && <Tag color="volcano">{t(`tickets.supervision.${ticket.supervisionLevel}`)}</Tag>}
        {ticket.selfResolved && <Tag color="green">{t('tickets.detail.selfResolved')}</Tag>}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('tickets.fields.code')}>
          <span data-testid="ticket-code" style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}>
            {ticket.code}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.holder')}>
          <span data-testid="ticket-holder">{ticket.holder.name}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.level')}>{t(`tickets.level.${ticket.holder.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.timeLeft')}>
          <TimeLeft workdaysLeft={ticket.workdaysLeft} />
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.category')}>{ticket.category.name}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.channel')}>{t(`tickets.channel.${ticket.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.unit')}>
          <UnitLink id={ticket.unit.id}>{ticket.unit.name}</UnitLink>
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.receivedAt')}>{chinaDateTime(ticket.receivedAt)}</Descriptions.Item>
        {ticket.reportedBy && (
          <Descriptions.Item label={t('tickets.fields.reportedBy')}>{ticket.reportedBy.name}</Descriptions.Item>
        )}
        {ticket.handledLevel && (
          <Descriptions.Item label={t('tickets.fields.handledLevel')}>
            {t(`tickets.level.${ticket.handledLevel}`)}
          </Descriptions.Item>
        )}
        {ticket.evaluation && (
          <Descriptions.Item label={t('tickets.fields.evaluation')}>
            {t(`tickets.rating.${ticket.evaluation.rating}`)}
            {ticket.evaluation.comment ? `：${ticket.evaluation.comment}` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Flex>
  );
}
