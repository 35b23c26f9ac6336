import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stands in for a module's page until the module ships. `module` is its translated name. */
export function ComingSoon({ module }: { module: string }) {
  const { t } = useTranslation();
  return <Result status="info" title={t('comingSoon.title', { module })} subTitle={t('comingSoon.description')} />;
}
