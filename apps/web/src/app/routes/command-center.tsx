import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/shared/ui/ComingSoon.tsx';

// Placeholder until the command center lands (src/command-center): map, lights, live feed.
export function Component() {
  const { t } = useTranslation();
  return <ComingSoon module={t('nav.commandCenter')} />;
}
