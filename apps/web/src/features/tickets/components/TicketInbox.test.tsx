import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from '@/test/factories.ts';
import { json, stubHealthyServer, type FakeRequest } from '@/test/fetch.ts';
import { renderInRouter } from '@/test/render.tsx';
import { counts, ticketSummary } from '../test/factories.ts';
import { TicketInbox } from './TicketInbox.tsx';

const late = ticketSummary({
  id: 1,
  code: 'SJ202609300000001',
  title: '河堤渗水',
  light: 'red',
  workdaysLeft: -3,
  state: 'accepted',
});
const near = ticketSummary({ id: 2, title: '路灯不亮', light: 'yellow', workdaysLeft: 1 });
const fresh = ticketSummary({ id: 3, title: '排水沟堵塞', light: 'green', workdaysLeft: 2 });

function stubInbox(requested: string[] = []) {
  return stubHealthyServer({
    '/api/v1/tickets/inbox/counts': () => json(200, counts({ toAccept: 2, toHandle: 1, supervised: 1, red: 1, yellow: 1 })),
    '/api/v1/tickets/inbox': ({ url }: FakeRequest) => {
      requested.push(url.searchParams.get('box') ?? '');
      return json(200, page(url.searchParams.get('box') === 'toHandle' ? [late] : [near, fresh]));
    },
  });
}

describe('TicketInbox', () => {
  it('shows each box with its count, and each ticket with its light in words and the working days left or late', async () => {
    const requested: string[] = [];
    stubInbox(requested);
    renderInRouter(<TicketInbox />, '/tickets?box=toHandle');

    const row = await screen.findByText('河堤渗水');
    const tr = row.closest('tr')!;
    expect(within(tr).getByText('红灯')).toBeTruthy();
    expect(within(tr).getByTestId('ticket-light').getAttribute('data-light')).toBe('red');
    expect(within(tr).getByText('超期 3 个工作日')).toBeTruthy();
    expect(within(tr).getByText('已受理')).toBeTruthy();
    expect(within(tr).getByText('SJ202609300000001').closest('a')?.getAttribute('href')).toBe('/tickets/1');
    expect(requested).toEqual(['toHandle']);

    expect(within(screen.getByTestId('inbox-tab-toAccept')).getByText('2')).toBeTruthy();
    expect(screen.getByText('红灯 1 件')).toBeTruthy();
    expect(screen.getByText('黄灯 1 件')).toBeTruthy();
  });

  it('opens the first box with something in it and says what is near and what is fresh', async () => {
    stubInbox();
    renderInRouter(<TicketInbox />, '/tickets');
    const near = (await screen.findByText('路灯不亮')).closest('tr')!;
    expect(within(near).getByText('黄灯')).toBeTruthy();
    expect(within(near).getByText('剩 1 个工作日')).toBeTruthy();
    const fresh = screen.getByText('排水沟堵塞').closest('tr')!;
    expect(within(fresh).getByText('绿灯')).toBeTruthy();
    expect(within(fresh).getByText('剩 2 个工作日')).toBeTruthy();
    await waitFor(() => expect(document.querySelector('.ant-tabs-tab-active')?.textContent).toContain('待受理'));
  });
});
