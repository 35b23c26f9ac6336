import { Tag } from 'antd';
import type { PersonFlag } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';

/** Care flags (留守老人, 低保 …) as small tags; nothing when there are none. */
export function PersonFlagTags({ flags }: { flags: readonly PersonFlag[] }) {
  const { t } = useTranslation();
  return (
    <>
      {flags.map((flag) => (
        <Tag key={flag} color="orange" variant="filled" style={{ marginInlineEnd: 4 }}>
          {t(`people.flag.${flag}`)}
        </Tag>
      ))}
    </>
  );
}
