/**
 * A ticket's or a step's attachments. AttachmentList needs each file's name and kind; the ticket
 * API gives only ids so far, so until it sends `attachments: AttachmentInfo[]` the files show as
 * numbered links to their display copies (the server strips photo metadata there).
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { attachmentUrl, type AttachmentInfo } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '@/shared/ui/AttachmentList.tsx';

export interface TicketAttachmentsProps {
  ids: number[];
  /** The files' descriptions, when the API sends them. */
  infos?: AttachmentInfo[] | undefined;
  /** Say 无附件 rather than nothing (the ticket's own list; a timeline step shows nothing). */
  showNone?: boolean;
}

export function TicketAttachments({ ids, infos, showNone = false }: TicketAttachmentsProps) {
  const { t } = useTranslation();
  if (infos && infos.length > 0) return <AttachmentList items={infos} />;
  if (ids.length === 0) return showNone ? <AttachmentList items={[]} /> : null;
  return (
    <Space wrap size={12} data-testid="ticket-attachments">
      {ids.map((id, i) => (
        <Typography.Link key={id} href={attachmentUrl(id)} target="_blank" rel="noopener">
          <PaperClipOutlined /> {t('tickets.detail.attachment', { n: i + 1 })}
        </Typography.Link>
      ))}
    </Space>
  );
}
