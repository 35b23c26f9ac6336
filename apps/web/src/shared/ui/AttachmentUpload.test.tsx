import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttachmentInfo } from '@wangge/contracts';
import { setCsrfToken } from '@/shared/api/client.ts';
import { json, problem, stubHealthyServer, type FakeRequest } from '@/test/fetch.ts';
import { renderWithProviders } from '@/test/render.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { AttachmentUpload } from './AttachmentUpload.tsx';

const photo: AttachmentInfo = {
  id: 5,
  name: '现场.jpg',
  mime: 'image/jpeg',
  size: 120_000,
  kind: 'image',
  width: 1200,
  height: 1600,
  createdAt: '2026-03-02T08:00:00.000Z',
};
const voice: AttachmentInfo = { ...photo, id: 6, name: '语音.m4a', mime: 'audio/mp4', kind: 'audio', size: 30_000 };
const report: AttachmentInfo = {
  ...photo,
  id: 7,
  name: '整改报告.pdf',
  mime: 'application/pdf',
  kind: 'document',
  size: 2_500_000,
};

afterEach(() => setCsrfToken(null));

function pick(name: string, type = 'image/jpeg') {
  const input = screen.getByTestId('attachment-upload').querySelector<HTMLInputElement>('input[type=file]')!;
  fireEvent.change(input, { target: { files: [new File(['x'], name, { type })] } });
  return input;
}

describe('AttachmentUpload', () => {
  it('uploads each file with the CSRF token and reports the ids, showing the thumbnail', async () => {
    setCsrfToken('csrf-upload');
    const uploads: FakeRequest[] = [];
    stubHealthyServer({
      '/api/v1/files': (request) => {
        uploads.push(request);
        return json(201, [photo]);
      },
    });
    const onChange = vi.fn();
    renderWithProviders(<AttachmentUpload onChange={onChange} />);
    pick('现场.jpg');

    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith([5], [photo]));
    expect(uploads).toHaveLength(1);
    const init = uploads[0]!.init!;
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-upload');
    const sent = (init.body as FormData).get('file') as File;
    expect(sent.name).toBe('现场.jpg');
    await waitFor(() =>
      expect(screen.getByTestId('attachment-upload').querySelector('img')?.getAttribute('src')).toBe('/api/v1/files/5/thumbnail'),
    );
  });

  it('says why the server refused a file and reports no id for it', async () => {
    stubHealthyServer({ '/api/v1/files': () => problem(415, 'unsupported_media_type', { detail: '"a.jpg" is not…' }) });
    const onChange = vi.fn();
    renderWithProviders(<AttachmentUpload onChange={onChange} />);
    pick('a.jpg');
    expect(await screen.findByText('“a.jpg”未能上传：不支持此类文件（以文件内容判断，而非扩展名）')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalledWith([5], expect.anything());
    expect(onChange.mock.calls.every(([ids]) => (ids as number[]).length === 0)).toBe(true);
  });

  it('opens the camera on phones in photo mode', () => {
    stubHealthyServer();
    renderWithProviders(<AttachmentUpload mode="photo" />);
    const input = screen.getByTestId('attachment-upload').querySelector('input[type=file]')!;
    expect(input.getAttribute('capture')).toBe('environment');
    expect(input.getAttribute('accept')).toBe('image/*');
    expect(screen.getByText('拍照')).toBeTruthy();
  });
});

describe('AttachmentList', () => {
  it('shows photo thumbnails, a player for voice notes and links for documents', () => {
    stubHealthyServer();
    renderWithProviders(<AttachmentList items={[photo, voice, report]} />);
    expect(screen.getByAltText('现场.jpg').getAttribute('src')).toBe('/api/v1/files/5/thumbnail');
    expect(screen.getByLabelText('语音：语音.m4a').getAttribute('src')).toBe('/api/v1/files/6');
    const link = screen.getByRole('link', { name: /整改报告\.pdf/ });
    expect(link.getAttribute('href')).toBe('/api/v1/files/7');
    expect(link.textContent).toContain('2.4 MB');
  });

  it('says when there is nothing attached', () => {
    stubHealthyServer();
    renderWithProviders(<AttachmentList items={[]} />);
    expect(screen.getByText('无附件')).toBeTruthy();
  });
});
