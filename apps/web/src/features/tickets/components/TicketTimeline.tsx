/**
 * 办理过程: every step of the ticket, oldest first: who, when (China time), the step, the state and
 * holder it moved between, the note, what the step carried (reason, dates, rating…) and its
 * attachments; light changes and supervision notices from the system in colour.
 */
import { Alert, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import type { TicketEvent } from '@wangge/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useTimeline } from '../api/get-ticket.ts';
import { chinaDateTime } from '@/shared/utils/china-time.ts';
import { lightColors } from './TicketBadges.tsx';
import { TicketAttachments } from './TicketAttachments.tsx';

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** What a step carried, in words. */
function details(e: TicketEvent, t: TFunction): string[] {
  const d = e.detail;
  const lines: string[] = [];
  switch (e.op) {
    case 'report':
      if (Array.isArray(d.possibleDuplicates) && d.possibleDuplicates.length > 0)
        lines.push(t('tickets.timeline.possibleDuplicates', { codes: d.possibleDuplicates.join('、') }));
      break;
    case 'reject':
      if (d.reason === 'invalid' || d.reason === 'duplicate') lines.push(t(`tickets.timeline.rejectReason.${d.reason}`));
      break;
    case 'escalate':
      if (typeof d.skippedLevels === 'number' && d.skippedLevels > 0)
        lines.push(t('tickets.timeline.skipped', { n: d.skippedLevels }));
      break;
    case 'consult':
      lines.push(t('tickets.timeline.committedDate', { date: str(d.committedDate) }));
      break;
    case 'requestExtension':
      lines.push(t('tickets.timeline.extension', { n: str(d.workdays), reason: str(d.reason) }));
      break;
    case 'decideExtension':
      lines.push(
        d.approved ? t('tickets.timeline.approved', { n: str(d.workdays), date: str(d.dueDate) }) : t('tickets.timeline.refused'),
      );
      break;
    case 'verify':
      lines.push(d.passed ? t('tickets.timeline.passed') : t('tickets.timeline.failed'));
      break;
    case 'evaluate':
      if (d.rating === 'satisfied' || d.rating === 'basically' || d.rating === 'unsatisfied')
        lines.push(t(`tickets.rating.${d.rating}`));
      if (d.redo) lines.push(t('tickets.timeline.redo'));
      break;
    case 'light':
      if (d.light === 'yellow' || d.light === 'red')
        lines.push(t('tickets.timeline.light', { light: t(`tickets.light.${d.light}`) }));
      break;
    case 'supervise': {
      const level =
        d.level === 'normal' || d.level === 'yellowCard' || d.level === 'redCard' ? t(`tickets.supervision.${d.level}`) : '';
      lines.push(t('tickets.timeline.notice', { number: str(d.number), level, holder: e.toHolder ?? '' }));
      break;
    }
  }
  return lines;
}

function color(e: TicketEvent): string {
  if (e.op === 'supervise') return lightColors.red;
  if (e.op === 'light') return e.detail.light === 'red' ? lightColors.red : lightColors.yellow;
  if (e.op === 'reject' || e.op === 'return' || (e.op === 'verify' && !e.detail.passed)) return 'gray';
  return e.toState === 'closed' || e.toState === 'evaluated' ? 'green' : 'blue';
}

function Entry({ e }: { e: TicketEvent }) {
  const { t } = useTranslation();
  const system = e.actor.userId === null;
  const stateChanged = e.fromState !== null && e.fromState !== e.toState;
  const holderChanged = e.op !== 'supervise' && e.fromHolder !== null && e.toHolder !== null && e.fromHolder !== e.toHolder;
  return (
    <Flex vertical gap={2} data-testid="timeline-entry" data-op={e.op}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{t(`tickets.op.${e.op}`)}</Typography.Text>
        <Typography.Text type="secondary">{system ? t('tickets.timeline.system') : e.actor.name}</Typography.Text>
        <Typography.Text type="secondary">{chinaDateTime(e.at)}</Typography.Text>
        {stateChanged && (
          <Tag style={{ marginInlineEnd: 0 }}>
            {t('tickets.timeline.state', { from: t(`tickets.state.${e.fromState!}`), to: t(`tickets.state.${e.toState}`) })}
          </Tag>
        )}
        {e.op === 'report' && e.toHolder && <Tag>{e.toHolder}</Tag>}
      </Flex>
      {holderChanged && (
        <Typography.Text type="secondary">{t('tickets.timeline.holder', { from: e.fromHolder, to: e.toHolder })}</Typography.Text>
      )}
      {details(e, t).map((line) => (
        <Typography.Text key={line} style={e.op === 'supervise' ? { color: lightColors.red } : undefined}>
          {line}
        </Typography.Text>
      ))}
      {e.note && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.note}</Typography.Paragraph>}
      <TicketAttachments ids={e.attachmentIds} infos={e.attachments} />
    </Flex>
  );
}

export function TicketTimeline({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const timeline = useTimeline(ticketId);
  if (timeline.isPending) return <Spin size="small" />;
  if (timeline.isError)
    return <Alert type="error" showIcon title={t('tickets.detail.timelineFailed')} description={errorMessage(timeline.error)} />;
  if (timeline.data.length === 0) return <Typography.Text type="secondary">{t('tickets.detail.timelineEmpty')}</Typography.Text>;
  return (
    <div data-testid="ticket-timeline">
      <Timeline items={timeline.data.map((e) => ({ key: e.seq, color: color(e), content: <Entry e={e} /> }))} />
    </div>
  );
}
