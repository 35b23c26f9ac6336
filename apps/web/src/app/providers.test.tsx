import { useMutation } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { api } from '@/shared/api/client.ts';
import { problem, stubFetch } from '@/test/fetch.ts';
import { renderWithProviders } from '@/test/render.tsx';

function SaveButton({ silent = false }: { silent?: boolean }) {
  const save = useMutation({
    mutationFn: () => api.post('/api/v1/things', { name: 'x' }),
    meta: { silentError: silent },
  });
  return (
    <>
      <button onClick={() => save.mutate()}>save</button>
      <output>{save.status}</output>
    </>
  );
}

describe('central mutation error reporting', () => {
  it('shows a failed mutation as a translated message', async () => {
    stubFetch({ '/api/v1/things': () => problem(403, 'forbidden', { detail: 'outside your units' }) });
    renderWithProviders(<SaveButton />);

    fireEvent.click(screen.getByRole('button', { name: 'save' }));

    expect(await screen.findByText('没有权限执行该操作')).toBeTruthy();
  });

  it('stays quiet when the mutation handles its own errors', async () => {
    stubFetch({ '/api/v1/things': () => problem(403, 'forbidden') });
    renderWithProviders(<SaveButton silent />);

    fireEvent.click(screen.getByRole('button', { name: 'save' }));

    expect(await screen.findByText('error')).toBeTruthy();
    expect(screen.queryByText('没有权限执行该操作')).toBeNull();
  });
});
