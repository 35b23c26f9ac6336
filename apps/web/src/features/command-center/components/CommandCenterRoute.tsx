/** The module's screens by address: a unit's overview, or the wall (see utils/params.ts). */
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { parseRoute } from '../utils/params.ts';
import { CommandCenterPage } from './CommandCenterPage.tsx';
import { WallView } from './WallView.tsx';

export default function CommandCenterRoute() {
  const { t } = useTranslation();
  const { unitOrWall, wallUnitId } = useParams();
  const route = parseRoute(unitOrWall, wallUnitId);
  if (route.invalid) return <Result status="404" title={t('notFound.title')} />;
  return route.wall ? <WallView unitId={route.unitId} /> : <CommandCenterPage unitId={route.unitId} />;
}
