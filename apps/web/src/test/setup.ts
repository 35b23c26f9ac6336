/** Runs before every web test file. */
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { i18n } from '@/shared/i18n/i18n.ts';

// antd's responsive helpers (Layout.Sider breakpoint, Grid) read matchMedia; jsdom lacks it.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList,
});

// antd's Tooltip and overflow-aware components measure themselves; jsdom has no layout.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// Pages are lazy chunks and antd styles its first render in JS; on a busy two-core runner the
// default 1 s for findBy* is too tight to tell slow from broken.
configure({ asyncUtilTimeout: 3000 });

// No test may inherit another's language, storage, stubs or timers.
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await i18n.changeLanguage('zh-CN');
  localStorage.clear();
});
