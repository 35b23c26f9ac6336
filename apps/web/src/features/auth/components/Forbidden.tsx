import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** A page the user's roles do not cover (opened by a link or typed address; the menu hides it). */
export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title={t('auth.forbidden.title')} subTitle={t('auth.forbidden.description')} />;
}
