/**
 * One ticket: header, what the user may do now, notices (possible duplicates, a pending extension,
 * a consultation), deadlines, facts and the timeline. Live events refresh it (use-ticket-events).
 */
import { Alert, Card, Col, Flex, Result, Row, Spin, Typography } from 'antd';
import type { Ticket } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '@/shared/api/client.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useCategories } from '../api/get-categories.ts';
import { useTicket } from '../api/get-ticket.ts';
import { ticketPath, TICKETS_PATH } from '../utils/paths.ts';
import { DeadlineList } from './DeadlineList.tsx';
import { OperationBar } from './OperationBar.tsx';
import { TicketFacts } from './TicketFacts.tsx';
import { TicketHeader } from './TicketHeader.tsx';
import { TicketTimeline } from './TicketTimeline.tsx';

function Notices({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const c = ticket.counts;
  return (
    <Flex vertical gap={8}>
      {ticket.possibleDuplicates.length > 0 && ticket.duplicateOf === null && (
        <Alert
          type="warning"
          showIcon
          data-testid="possible-duplicates"
          title={t('tickets.detail.possibleDuplicates')}
          description={
            <Flex gap={12} wrap>
              {ticket.possibleDuplicates.map((d) => (
                <Link key={d.id} to={ticketPath(d.id)}>
                  {d.code} {d.title}
                </Link>
              ))}
            </Flex>
          }
        />
      )}
      {ticket.duplicateOf && (
        <Alert
          type="info"
          showIcon
          title={
            <Link to={ticketPath(ticket.duplicateOf.id)}>
              {t('tickets.detail.duplicateOf', { code: ticket.duplicateOf.code })}
            </Link>
          }
        />
      )}
      {ticket.pendingExtension && (
        <Alert
          type="info"
          showIcon
          title={t('tickets.detail.pendingExtension', {
            n: ticket.pendingExtension.workdays,
            reason: ticket.pendingExtension.reason,
          })}
        />
      )}
      {ticket.consultation && (
        <Alert
          type="info"
          showIcon
          title={t('tickets.detail.consultation', {
            decision: ticket.consultation.decision,
            participants: ticket.consultation.participants.join('、'),
            date: ticket.consultation.committedDate,
          })}
        />
      )}
      {c.returns + c.escalations + c.redos + c.extensions > 0 && (
        <Typography.Text type="secondary">{t('tickets.detail.counts', { ...c })}</Typography.Text>
      )}
    </Flex>
  );
}

export function TicketDetail({ id, tileUrl }: { id: number; tileUrl: string | null }) {
  const { t } = useTranslation();
  const ticket = useTicket(id);
  const categories = useCategories();

  if (ticket.isPending) return <Spin description={t('app.loading')} />;
  if (ticket.isError) {
    if (isApiError(ticket.error) && ticket.error.status === 404)
      return (
        <Result
          status="404"
          title={t('tickets.detail.notFound')}
          extra={<Link to={TICKETS_PATH}>{t('tickets.detail.back')}</Link>}
        />
      );
    return <Alert type="error" showIcon title={t('tickets.detail.loadFailed')} description={errorMessage(ticket.error)} />;
  }
  const data = ticket.data;
  const category = categories.data?.find((c) => c.id === data.category.id);

  return (
    <Flex vertical gap={12} data-testid="ticket-detail" data-ticket-id={data.id} data-version={data.version}>
      <Card size="small">
        <Flex vertical gap={12}>
          <TicketHeader ticket={data} />
          <Notices ticket={data} />
          <section aria-label={t('tickets.detail.operations')}>
            <OperationBar ticket={data} />
          </section>
        </Flex>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('tickets.detail.deadlines')}>
              <DeadlineList deadlines={data.deadlines} calendarWarning={data.calendarWarning} />
            </Card>
            <Card size="small" title={t('tickets.fields.description')}>
              <TicketFacts ticket={data} category={category} tileUrl={tileUrl} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('tickets.detail.timeline')}>
            <TicketTimeline ticketId={data.id} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
