/**
 * The attachments of a record: photos as thumbnails that open a preview of the display copy
 * (no location data), voice notes with a player, other files as links. Used by tickets and registers.
 */
import { FileOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Flex, Image, Space, Typography } from 'antd';
import { attachmentUrl, type AttachmentInfo } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function AttachmentList({ items }: { items: AttachmentInfo[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Typography.Text type="secondary">{t('attachments.none')}</Typography.Text>;
  const images = items.filter((a) => a.kind === 'image');
  const others = items.filter((a) => a.kind !== 'image');
  return (
    <Flex vertical gap={8} data-testid="attachment-list">
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {images.map((a) => (
              <Image
                key={a.id}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                src={attachmentUrl(a.id, 'thumbnail')}
                preview={{ src: attachmentUrl(a.id) }}
                alt={a.name}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {others.map((a) =>
        a.kind === 'audio' ? (
          <Flex key={a.id} align="center" gap={8} wrap>
            <audio controls preload="none" src={attachmentUrl(a.id)} aria-label={t('attachments.voice', { name: a.name })} />
            <Typography.Text type="secondary">{a.name}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Link key={a.id} href={attachmentUrl(a.id)} target="_blank" rel="noopener">
            {a.kind === 'video' ? <VideoCameraOutlined /> : <FileOutlined />} {a.name}{' '}
            <Typography.Text type="secondary">({formatBytes(a.size)})</Typography.Text>
          </Typography.Link>
        ),
      )}
    </Flex>
  );
}
