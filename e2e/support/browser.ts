/**
 * Debian's Chromium driven by playwright-core. Where no Chromium is installed the browser tests
 * skip with a visible message; in CI (CI=true) a missing browser is a failure, not a skip.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../../apps/server/src/config.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  if (process.env.CI) throw new Error(`Browser tests need Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk)`);
  console.warn(
    `\n⚠ Browser tests SKIPPED: no Chromium at ${CHROMIUM}. Install it with: apt-get install chromium fonts-noto-cjk\n`,
  );
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export async function newPage(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    locale: 'zh-CN',
  });
  return context.newPage();
}

/** Saves a screenshot under docs/screenshots/ (attached to issue notes). */
export async function screenshot(page: Page, name: string) {
  const dir = path.join(repoRoot, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
