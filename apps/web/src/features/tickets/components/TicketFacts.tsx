/**
 * What the ticket is about: the description, the category's extra fields (labelled from its
 * schema), the reporter, the household and people concerned, where it is (with a small map) and
 * its attachments.
 */
import { Descriptions, Flex, Typography } from 'antd';
import { Permission, type AttachmentInfo, type Category, type Ticket } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '@/shared/auth/use-can.ts';
import { useUnit } from '@/features/units/api/get-unit.ts';
import { fieldSpecs } from '../utils/json-schema.ts';
import { ReporterPhone } from './ReporterPhone.tsx';
import { TicketAttachments } from './TicketAttachments.tsx';
import { TicketMap } from './TicketMap.tsx';

// People live in the 人口与房屋 module; features do not import each other, so the path is spelled here.
const personPath = (id: number) => `/people/${id}`;

function fieldText(value: unknown, yes: string, no: string): string {
  if (typeof value === 'boolean') return value ? yes : no;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Forward-compatible: the files' descriptions once the ticket API sends them. */
export function attachmentsOf(ticket: Ticket): AttachmentInfo[] | undefined {
  return ticket.attachments;
}

export function TicketFacts({
  ticket,
  category,
  tileUrl,
}: {
  ticket: Ticket;
  category: Category | undefined;
  tileUrl: string | null;
}) {
  const { t } = useTranslation();
  const unit = useUnit(ticket.unit.id);
  const canReveal = useCan(
    Permission.PersonalReveal,
    unit.data ? { unit: unit.data.unit, ancestors: unit.data.ancestors } : undefined,
  );
  const labels = new Map(fieldSpecs(category?.fieldsSchema).map((s) => [s.name, s.label]));
  const extra = Object.entries(ticket.fields);
  const none = t('tickets.detail.none');

  return (
    <Flex vertical gap={12} data-testid="ticket-facts">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="ticket-description">
        {ticket.description}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        {extra.map(([name, value]) => (
          <Descriptions.Item key={name} label={labels.get(name) ?? name}>
            {fieldText(value, t('tickets.schema.yes'), t('tickets.schema.no'))}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('tickets.fields.reporterName')}>
          {ticket.reporter ? (
            <Flex gap={8} wrap align="center">
              <span>{ticket.reporter.name}</span>
              {ticket.reporter.phoneMasked && (
                <ReporterPhone ticketId={ticket.id} masked={ticket.reporter.phoneMasked} canReveal={canReveal} />
              )}
            </Flex>
          ) : (
            none
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.address')}>{ticket.address ?? none}</Descriptions.Item>
        {ticket.household && (
          <Descriptions.Item label={t('tickets.fields.household')}>
            {ticket.household.headName} · {ticket.household.address}
          </Descriptions.Item>
        )}
        {ticket.people.length > 0 && (
          <Descriptions.Item label={t('tickets.fields.people')}>
            <Flex gap={8} wrap>
              {ticket.people.map((p) => (
                <Link key={p.id} to={personPath(p.id)}>
                  {p.name}
                </Link>
              ))}
            </Flex>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('tickets.fields.location')}>
          {ticket.location
            ? `${ticket.location.lng.toFixed(6)}, ${ticket.location.lat.toFixed(6)}`
            : t('tickets.detail.noLocation')}
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.fields.attachments')}>
          <TicketAttachments ids={ticket.attachmentIds} infos={attachmentsOf(ticket)} showNone />
        </Descriptions.Item>
      </Descriptions>
      {ticket.location && <TicketMap unitId={ticket.unit.id} point={ticket.location} tileUrl={tileUrl} height={220} />}
    </Flex>
  );
}
