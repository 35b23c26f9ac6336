/**
 * The inbox (待办): one tab per box with its count, most urgent first (the server sorts red, then
 * the nearest deadline). The box and page live in the URL, so 返回 comes back to the same place.
 */
import { Alert, Badge, Flex, Tabs, Typography } from 'antd';
import { InboxBoxes, type InboxBox } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '@/shared/api/error-message.ts';
import { INBOX_PAGE_SIZE, useInbox, useInboxCounts } from '../api/get-inbox.ts';
import { lightColors } from './TicketBadges.tsx';
import { TicketTable } from './TicketTable.tsx';

const isBox = (value: string | null): value is InboxBox => InboxBoxes.includes(value as InboxBox);

function BoxList({ box, page, onPage }: { box: InboxBox; page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const inbox = useInbox(box, page);
  if (inbox.isError)
    return <Alert type="error" showIcon title={t('tickets.inbox.loadFailed')} description={errorMessage(inbox.error)} />;
  return (
    <TicketTable
      items={inbox.data?.items ?? []}
      loading={inbox.isFetching && !inbox.data}
      empty={t('tickets.inbox.empty')}
      paging={{ page, pageSize: INBOX_PAGE_SIZE, total: inbox.data?.total ?? 0, onChange: onPage }}
    />
  );
}

export function TicketInbox() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const counts = useInboxCounts();
  const requested = params.get('box');
  // Without a choice, open the first box that has something in it.
  const firstFull = counts.data ? InboxBoxes.find((b) => counts.data[b] > 0) : undefined;
  const box: InboxBox = isBox(requested) ? requested : (firstFull ?? 'toAccept');
  const page = Math.max(1, Number(params.get('page')) || 1);

  const go = (next: InboxBox, nextPage = 1) =>
    setParams(
      (current) => {
        const q = new URLSearchParams(current);
        q.set('box', next);
        if (nextPage > 1) q.set('page', String(nextPage));
        else q.delete('page');
        return q;
      },
      { replace: true },
    );

  return (
    <Tabs
      data-testid="ticket-inbox"
      activeKey={box}
      onChange={(key) => go(key as InboxBox)}
      destroyOnHidden
      tabBarExtraContent={
        counts.data && (
          <Flex gap={12} data-testid="inbox-lights">
            <Typography.Text style={{ color: lightColors.red }}>
              {t('tickets.inbox.redCount', { n: counts.data.red })}
            </Typography.Text>
            <Typography.Text style={{ color: lightColors.yellow }}>
              {t('tickets.inbox.yellowCount', { n: counts.data.yellow })}
            </Typography.Text>
          </Flex>
        )
      }
      items={InboxBoxes.map((b) => ({
        key: b,
        label: (
          <span data-testid={`inbox-tab-${b}`}>
            {t(`tickets.inbox.box.${b}`)}{' '}
            <Badge
              count={counts.data?.[b] ?? 0}
              showZero
              overflowCount={999}
              color={counts.data?.[b] ? (b === 'supervised' ? lightColors.red : '#1f5fa8') : '#bfbfbf'}
            />
          </span>
        ),
        children: <BoxList box={b} page={b === box ? page : 1} onPage={(p) => go(b, p)} />,
      }))}
    />
  );
}
