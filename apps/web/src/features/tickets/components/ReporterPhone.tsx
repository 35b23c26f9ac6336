/**
 * The reporter's masked phone, with 显示完整号码 for users who may reveal. Each reveal is audited on
 * the server; the number lives only in this component and is dropped after 30 s.
 */
import { useEffect, useState } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRevealReporterPhone } from '../api/reveal-reporter-phone.ts';

export const REVEAL_MS = 30_000;

export function ReporterPhone({ ticketId, masked, canReveal }: { ticketId: number; masked: string; canReveal: boolean }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState<string | null>(null);
  const reveal = useRevealReporterPhone();
  const { reset } = reveal;

  useEffect(() => {
    if (phone === null) return;
    const timer = setTimeout(() => {
      setPhone(null);
      reset();
    }, REVEAL_MS);
    return () => clearTimeout(timer);
  }, [phone, reset]);

  return (
    <Space size={4}>
      <span data-testid="reporter-phone" style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}>
        {phone ?? masked}
      </span>
      {canReveal &&
        (phone === null ? (
          <Tooltip title={t('tickets.detail.revealHint')}>
            <Button
              size="small"
              type="link"
              loading={reveal.isPending}
              onClick={() => reveal.mutate(ticketId, { onSuccess: (answer) => setPhone(answer.phone) })}
            >
              {t('tickets.detail.revealPhone')}
            </Button>
          </Tooltip>
        ) : (
          <Button
            size="small"
            type="link"
            onClick={() => {
              setPhone(null);
              reset();
            }}
          >
            {t('tickets.detail.hidePhone')}
          </Button>
        ))}
    </Space>
  );
}
