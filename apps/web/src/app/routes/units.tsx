import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/shared/ui/ComingSoon.tsx';

// Placeholder until features/units lands: the unit tree, grids, micro-grids and their polygons.
export function Component() {
  const { t } = useTranslation();
  return <ComingSoon module={t('nav.units')} />;
}
