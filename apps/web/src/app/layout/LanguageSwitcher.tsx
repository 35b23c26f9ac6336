import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '@/shared/i18n/i18n.ts';
import { LANGUAGES, isLanguage } from '@/shared/i18n/language.ts';

/** Both choices always visible, each named in its own language, so anyone can find theirs. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  return (
    <Segmented
      size="small"
      aria-label={t('language.label')}
      value={currentLanguage()}
      options={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
      onChange={(value) => {
        if (isLanguage(value)) void changeLanguage(value);
      }}
    />
  );
}
