/**
 * The wall's rotation between units (`?rotate=…&every=…`): the index of the unit on screen, moved
 * on by one interval timer that is cleared when the rotation changes or the wall closes.
 */
import { useEffect, useState } from 'react';
import type { Rotation } from '../utils/params.ts';

export function useRotation(rotation: Rotation | null): number | undefined {
  const [index, setIndex] = useState(0);
  const count = rotation?.unitIds.length ?? 0;
  const every = rotation?.every ?? 0;

  useEffect(() => {
    setIndex(0);
    if (count < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % count), every * 1000);
    return () => clearInterval(timer);
  }, [count, every]);

  return rotation ? rotation.unitIds[index % count] : undefined;
}
