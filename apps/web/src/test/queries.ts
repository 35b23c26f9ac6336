/**
 * Cheap queries for whole-page tests. Testing Library's *ByRole computes visibility and accessible
 * names through jsdom's getComputedStyle, which over antd's injected styles costs seconds per
 * query on a full page; these read the same ARIA attributes directly.
 */
import { waitFor } from '@testing-library/react';

/** The tree item whose accessible name (aria-label) is `name`. */
export function treeItem(name: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[role="treeitem"][aria-label="${name}"]`);
}

export function findTreeItem(name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const item = treeItem(name);
    if (!item) throw new Error(`no tree item named ${name}`);
    return item;
  });
}

/** The button whose text or aria-label is `name` (antd buttons put their text in a span). */
export function button(name: string, container: ParentNode = document): HTMLButtonElement | null {
  return (
    [...container.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.getAttribute('aria-label') === name || b.textContent === name,
    ) ?? null
  );
}
