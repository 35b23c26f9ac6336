/**
 * Attach photos, documents and voice notes to a form: each file goes up at once to /api/v1/files
 * (through the API client, so with the session's CSRF token) and the form gets the ids, which it
 * sends with its own request; the server links them there. On phones, `mode="photo"` opens the
 * camera. The server decides what a file is by its content and says why it refuses one.
 */
import { useState } from 'react';
import { CameraOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile, type UploadProps } from 'antd';
import { attachmentUrl, type AttachmentInfo } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '@/shared/api/client.ts';
import { errorMessage } from '@/shared/api/error-message.ts';

// No HEIC here on purpose: iPhones then send their photos as JPEG, which the server can strip and show.
const ACCEPT_ANY =
  'image/jpeg,image/png,image/webp,image/gif,application/pdf,.pdf,.docx,.xlsx,' +
  'audio/*,.amr,.m4a,.aac,.opus,video/mp4,video/quicktime,.mp4,.mov';

export function uploadAttachment(file: File): Promise<AttachmentInfo[]> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<AttachmentInfo[]>('/api/v1/files', form);
}

export interface AttachmentUploadProps {
  /** The uploaded files' ids, in order, each time one is added or removed. */
  onChange?: (ids: number[], files: AttachmentInfo[]) => void;
  /** 'photo': pictures only, the camera opens on phones; 'any': every accepted type. */
  mode?: 'photo' | 'any';
  maxCount?: number;
  disabled?: boolean;
}

type Item = UploadFile<AttachmentInfo>;

function withPreview(item: Item): Item {
  const info = item.response;
  if (item.status !== 'done' || !info) return item;
  return {
    ...item,
    url: attachmentUrl(info.id),
    ...(info.kind === 'image' ? { thumbUrl: attachmentUrl(info.id, 'thumbnail') } : {}),
  };
}

export function AttachmentUpload({ onChange, mode = 'any', maxCount = 9, disabled }: AttachmentUploadProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<Item[]>([]);

  const report = (list: Item[]) => {
    const done = list.filter((f) => f.status === 'done' && f.response).map((f) => f.response!);
    onChange?.(
      done.map((f) => f.id),
      done,
    );
  };

  const customRequest: UploadProps<AttachmentInfo>['customRequest'] = ({ file, onSuccess, onError }) => {
    const f = file as File;
    uploadAttachment(f).then(
      ([info]) => (info ? onSuccess?.(info) : onError?.(new Error(t('attachments.failed', { name: f.name, reason: '' })))),
      (error: unknown) => {
        const reason =
          isApiError(error) && error.status === 413
            ? t('attachments.tooLarge')
            : isApiError(error) && error.status === 415
              ? t('attachments.unsupported')
              : errorMessage(error);
        const text = t('attachments.failed', { name: f.name, reason });
        void message.error(text);
        onError?.(new Error(text));
      },
    );
  };

  return (
    <div data-testid="attachment-upload">
      <Upload<AttachmentInfo>
        listType="picture-card"
        multiple
        maxCount={maxCount}
        accept={mode === 'photo' ? 'image/*' : ACCEPT_ANY}
        {...(mode === 'photo' ? { capture: 'environment' as const } : {})}
        disabled={disabled}
        fileList={items}
        customRequest={customRequest}
        onChange={({ fileList }) => {
          const next = fileList.map(withPreview);
          setItems(next);
          report(next);
        }}
        onPreview={(item) => {
          if (item.url) window.open(item.url, '_blank', 'noopener');
        }}
      >
        {items.length >= maxCount ? null : (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }} disabled={disabled}>
            {mode === 'photo' ? <CameraOutlined /> : <PlusOutlined />}
            <div style={{ marginTop: 8 }}>{mode === 'photo' ? t('attachments.takePhoto') : t('attachments.add')}</div>
          </button>
        )}
      </Upload>
      {mode === 'any' && <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{t('attachments.hint')}</div>}
    </div>
  );
}
