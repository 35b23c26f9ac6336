/** Whether the command center is drawn for a desk (light, compact) or the wall (大屏: dark, large type). */
import { createContext, useContext } from 'react';

export interface Display {
  wall: boolean;
}

export const DisplayContext = createContext<Display>({ wall: false });

export function useDisplay(): Display {
  return useContext(DisplayContext);
}
