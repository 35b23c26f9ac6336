import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNightlyReload } from './use-nightly-reload.ts';

describe('the wall’s nightly reload', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reloads once at the first 04:00 six hours or more after opening, and not after closing', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // Opened at 23:00 local: 04:00 next morning is too soon, so the one after.
    vi.setSystemTime(new Date(2026, 10, 23, 23, 0));
    const reload = vi.fn();
    const { unmount } = renderHook(() => useNightlyReload({ hour: 4, minute: 0 }, reload));
    const due = new Date(2026, 10, 25, 4, 0).getTime() - new Date(2026, 10, 23, 23, 0).getTime();
    vi.advanceTimersByTime(due - 1);
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(reload).toHaveBeenCalledTimes(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sets no timer when switched off, and clears its timer when the wall closes', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date(2026, 10, 23, 9, 0));
    const reload = vi.fn();
    const off = renderHook(() => useNightlyReload(null, reload));
    expect(vi.getTimerCount()).toBe(0);
    off.unmount();
    const on = renderHook(() => useNightlyReload({ hour: 4, minute: 0 }, reload));
    expect(vi.getTimerCount()).toBe(1);
    on.unmount();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(48 * 3600_000);
    expect(reload).not.toHaveBeenCalled();
  });
});
