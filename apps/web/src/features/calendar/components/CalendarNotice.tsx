/**
 * The missing-calendar warning on every page for whoever may fix it (config.manage): deadlines in a
 * year without an official calendar are counted Monday–Friday, and that must never go unnoticed.
 * Not repeated on the calendar page itself, which shows it above the year.
 */
import { Permission } from '@wangge/contracts';
import { useLocation, useNavigate } from 'react-router';
import { useCanSomewhere } from '@/shared/auth/use-can.ts';
import { CalendarWarningsBanner } from './CalendarWarningsBanner.tsx';

export const CALENDAR_ADMIN_PATH = '/admin/calendar';

export function CalendarNotice() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const canFix = useCanSomewhere(Permission.ConfigManage);
  if (!canFix || pathname === CALENDAR_ADMIN_PATH) return null;
  return (
    <div style={{ marginBottom: 12 }}>
      <CalendarWarningsBanner onOpen={() => void navigate(CALENDAR_ADMIN_PATH)} />
    </div>
  );
}
