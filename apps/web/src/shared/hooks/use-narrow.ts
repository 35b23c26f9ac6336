import { Grid } from 'antd';

/** Phones: antd reports `xs` only below 576 px; where it knows nothing (tests) the desktop layout shows. */
export function useNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.xs === true && !screens.sm;
}
