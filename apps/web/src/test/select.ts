/** Drives antd's Select in component tests: open it by its accessible name, read and click its options. */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/** Opens an antd Select by its accessible name and returns the labels its own dropdown offers. */
export async function openSelect(name: string) {
  const combobox = screen.getByRole('combobox', { name });
  fireEvent.mouseDown(combobox);
  const dropdown = await waitFor(() => {
    const list = document.getElementById(combobox.getAttribute('aria-controls') ?? '');
    const popup = list?.closest<HTMLElement>('.ant-select-dropdown');
    expect(popup?.querySelector('.ant-select-item-option')).toBeTruthy();
    return popup!;
  });
  return [...dropdown.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
}

/** Clicks the option with exactly this label, in whichever dropdown is open. */
export function chooseOption(label: string) {
  const option = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((o) => o.textContent === label);
  if (!option) throw new Error(`no option ${label}`);
  fireEvent.click(option);
}
