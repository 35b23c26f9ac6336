/** The scale that fits a fixed-size design (the wall's 1920×1080) into the window, kept current on resize. */
import { useEffect, useState } from 'react';

function fit(width: number, height: number): number {
  if (typeof window === 'undefined' || window.innerWidth === 0) return 1;
  return Math.min(window.innerWidth / width, window.innerHeight / height);
}

export function useFitScale(width: number, height: number): number {
  const [scale, setScale] = useState(() => fit(width, height));
  useEffect(() => {
    const onResize = () => setScale(fit(width, height));
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [width, height]);
  return scale;
}
