/**
 * The wall reloads itself once a night (`?reload=HH:MM`, default 04:00 local time, `off` to keep
 * it): a display left running for weeks then starts each day from a fresh page, whatever the
 * browser itself keeps meanwhile. The figures come back from the server within a second and
 * nothing is lost, since the wall holds no input. One timer, cleared when the wall closes.
 */
import { useEffect, useRef } from 'react';
import { nextReload, type ReloadAt } from '../utils/params.ts';

export function useNightlyReload(at: ReloadAt | null, reload: () => void = () => window.location.reload()): void {
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const hour = at?.hour;
  const minute = at?.minute;
  useEffect(() => {
    if (hour === undefined || minute === undefined) return;
    const due = nextReload(new Date(), { hour, minute });
    const timer = setTimeout(() => reloadRef.current(), Math.max(0, due.getTime() - Date.now()));
    return () => clearTimeout(timer);
  }, [hour, minute]);
}
