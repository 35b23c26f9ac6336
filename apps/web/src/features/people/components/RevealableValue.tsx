/**
 * A masked ID number or phone with 显示 beside it for users who may reveal. The full value is
 * fetched per click (the server audits each), kept only in this component's state, and dropped
 * after 30 s or when the component goes (navigation), whichever comes first.
 */
import { useEffect, useState } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRevealPersonField, type RevealableField } from '../api/reveal-person-field.ts';

export const REVEAL_MS = 30_000;

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' } as const;

export interface RevealableValueProps {
  personId: number;
  field: RevealableField;
  masked: string;
  canReveal: boolean;
}

export function RevealableValue({ personId, field, masked, canReveal }: RevealableValueProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | null>(null);
  const reveal = useRevealPersonField();
  const { reset } = reveal;

  useEffect(() => {
    if (value === null) return;
    const timer = setTimeout(() => {
      setValue(null);
      reset();
    }, REVEAL_MS);
    return () => clearTimeout(timer);
  }, [value, reset]);

  const fieldName = t(`people.fields.${field}`);
  const hide = () => {
    setValue(null);
    reset();
  };

  return (
    <Space size={4}>
      <span style={mono} data-testid={`person-${field}`}>
        {value ?? masked}
      </span>
      {canReveal &&
        (value === null ? (
          <Tooltip title={t('people.reveal.hint')}>
            <Button
              size="small"
              type="link"
              loading={reveal.isPending}
              aria-label={t('people.reveal.showLabel', { field: fieldName })}
              // Only this mounted component receives the value; a reply after navigation is dropped.
              onClick={() => reveal.mutate({ personId, field }, { onSuccess: (answer) => setValue(answer.value) })}
            >
              {t('people.reveal.show')}
            </Button>
          </Tooltip>
        ) : (
          <Button size="small" type="link" aria-label={t('people.reveal.hideLabel', { field: fieldName })} onClick={hide}>
            {t('people.reveal.hide')}
          </Button>
        ))}
    </Space>
  );
}
