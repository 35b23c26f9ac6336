/** Possible duplicates of a report about to be sent: shown with links, never merged. */
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PossibleDuplicate } from '../api/report-ticket.ts';
import { ticketPath } from '../utils/paths.ts';
import { StateTag } from './TicketBadges.tsx';

export function DuplicateAlert({ duplicates }: { duplicates: PossibleDuplicate[] }) {
  const { t } = useTranslation();
  if (duplicates.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-alert"
      title={t('tickets.report.duplicatesTitle', { n: duplicates.length })}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('tickets.report.duplicatesHint')}</Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {duplicates.map((d) => (
              <li key={d.id}>
                {/* A new tab keeps the report being written. */}
                <Link to={ticketPath(d.id)} target="_blank" rel="noopener">
                  {d.code} {d.title}
                </Link>{' '}
                <StateTag state={d.state} />{' '}
                {d.distanceM !== null && (
                  <Typography.Text type="secondary">{t('tickets.report.distance', { m: d.distanceM })}</Typography.Text>
                )}
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}
