/**
 * The 事件 module: /tickets the inbox (待办), /tickets/list every ticket in scope with filters in
 * the URL, /tickets/new the report form, /tickets/:id one ticket. While any of them is open, the
 * live event stream keeps them current. Composes the tickets feature with the system info (map tiles).
 */
import { Card, Flex, Result, Tabs } from 'antd';
import { Permission } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useSystemInfo } from '@/features/system/api/get-system-info.ts';
import { ReportForm } from '@/features/tickets/components/ReportForm.tsx';
import { TicketDetail } from '@/features/tickets/components/TicketDetail.tsx';
import { TicketInbox } from '@/features/tickets/components/TicketInbox.tsx';
import { TicketList } from '@/features/tickets/components/TicketList.tsx';
import { useTicketEvents } from '@/features/tickets/hooks/use-ticket-events.ts';
import { NEW_TICKET_PATH, TICKET_LIST_PATH, TICKETS_PATH } from '@/features/tickets/utils/paths.ts';
import { useCanSomewhere } from '@/shared/auth/use-can.ts';

type Section = 'inbox' | 'list' | 'new';
const paths: Record<Section, string> = { inbox: TICKETS_PATH, list: TICKET_LIST_PATH, new: NEW_TICKET_PATH };

function SectionTabs({ section }: { section: Section | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canHandle = useCanSomewhere(Permission.TicketsHandle);
  const canReport = useCanSomewhere(Permission.TicketsReport);
  const sections: Section[] = [...(canHandle ? (['inbox'] as const) : []), 'list', ...(canReport ? (['new'] as const) : [])];
  return (
    <Tabs
      activeKey={section ?? ''}
      onChange={(key) => void navigate(paths[key as Section])}
      items={sections.map((s) => ({ key: s, label: t(`tickets.nav.${s}`) }))}
      style={{ marginBottom: -8 }}
    />
  );
}

export function Component() {
  const { t } = useTranslation();
  const { section } = useParams();
  const canHandle = useCanSomewhere(Permission.TicketsHandle);
  const canReport = useCanSomewhere(Permission.TicketsReport);
  const tileUrl = useSystemInfo().data?.mapTileUrl ?? null;
  useTicketEvents();

  let current: Section | null;
  let body;
  if (section === undefined) {
    // Leaders read; the inbox is for those who handle.
    if (!canHandle) return <Navigate replace to={TICKET_LIST_PATH} />;
    current = 'inbox';
    body = <TicketInbox />;
  } else if (section === 'list') {
    current = 'list';
    body = <TicketList />;
  } else if (section === 'new') {
    if (!canReport) return <Navigate replace to={TICKETS_PATH} />;
    current = 'new';
    body = <ReportForm tileUrl={tileUrl} />;
  } else if (/^[1-9]\d{0,9}$/.test(section)) {
    current = null;
    // A new ticket starts fresh: nothing revealed for the previous one survives.
    body = <TicketDetail key={section} id={Number(section)} tileUrl={tileUrl} />;
  } else {
    return <Result status="404" title={t('notFound.title')} />;
  }

  return (
    <Flex vertical gap={12}>
      <Card size="small" styles={{ body: { paddingBlock: 0 } }}>
        <SectionTabs section={current} />
      </Card>
      {current === 'new' || current === null ? body : <Card size="small">{body}</Card>}
    </Flex>
  );
}
