import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem, stubHealthyServer, type FakeRequest } from '@/test/fetch.ts';
import { detail, unit } from '@/test/factories.ts';
import { renderInRouter } from '@/test/render.tsx';
import { ticket } from '../test/factories.ts';
import { OperationBar } from './OperationBar.tsx';
import { TicketDetail } from './TicketDetail.tsx';

const seen = ticket({ id: 42, version: 3, state: 'reported', allowedOperations: ['accept', 'reject', 'selfResolve'] });

const opButton = (op: string) =>
  document.querySelector<HTMLButtonElement>(`[data-testid="ticket-operations"] button[data-op="${op}"]`);

function bodyOf(request: FakeRequest) {
  return JSON.parse(String(request.init?.body)) as Record<string, unknown>;
}

function headerOf(request: FakeRequest, name: string) {
  return new Headers(request.init?.headers).get(name);
}

describe('operation modal', () => {
  it('shows only the allowed operations, and sends the version the user saw with an idempotency key', async () => {
    const posted: FakeRequest[] = [];
    stubHealthyServer({
      '/api/v1/tickets/42/accept': (request) => {
        posted.push(request);
        return json(200, { ...seen, version: 4, state: 'accepted', allowedOperations: ['assign'] });
      },
    });
    renderInRouter(<OperationBar ticket={seen} />);
    const buttons = [...screen.getByTestId('ticket-operations').querySelectorAll('button')].map((b) => b.getAttribute('data-op'));
    expect(buttons).toEqual(['accept', 'reject', 'selfResolve']);

    fireEvent.click(opButton('accept')!);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(dialog.querySelector('textarea')!, { target: { value: '已电话联系双方' } });
    fireEvent.click(screen.getByTestId('operation-submit'));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(bodyOf(posted[0]!)).toEqual({ version: 3, note: '已电话联系双方' });
    expect(headerOf(posted[0]!, 'Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText('已受理')).toBeTruthy();
  });

  it('asks for the reason when rejecting as invalid, before anything is sent', async () => {
    const posted: FakeRequest[] = [];
    stubHealthyServer({ '/api/v1/tickets/42/reject': (r) => (posted.push(r), json(200, seen)) });
    renderInRouter(<OperationBar ticket={seen} />);
    fireEvent.click(opButton('reject')!);
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByTestId('operation-submit'));
    expect(await screen.findByText('请填写说明')).toBeTruthy();
    expect(posted).toEqual([]);
  });

  it('tells the user the ticket changed when the server says the version is stale, and reloads it', async () => {
    let reads = 0;
    stubHealthyServer({
      '/api/v1/tickets/42': () => {
        reads++;
        return json(200, reads === 1 ? seen : { ...seen, version: 4, state: 'accepted', allowedOperations: ['assign'] });
      },
      '/api/v1/tickets/42/timeline': () => json(200, []),
      '/api/v1/tickets/42/accept': () =>
        problem(409, 'stale_version', { detail: 'The ticket changed', currentState: 'accepted' }),
      '/api/v1/ticket-categories': () => json(200, []),
      '/api/v1/units/7': () => json(200, detail(unit({ id: 7, kind: 'grid', name: '东街一网格' }))),
    });
    renderInRouter(<TicketDetail id={42} tileUrl={null} />);
    await waitFor(() => expect(opButton('accept')).toBeTruthy());
    fireEvent.click(opButton('accept')!);
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByTestId('operation-submit'));

    expect(await screen.findByText('该事件刚被他人更新，已重新加载，请确认后再办理')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The reloaded ticket offers what is possible now.
    await waitFor(() => expect(opButton('assign')).toBeTruthy());
    expect(opButton('accept')).toBeNull();
    expect(screen.getByTestId('ticket-detail').getAttribute('data-version')).toBe('4');
  });
});
