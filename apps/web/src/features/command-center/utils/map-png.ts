/**
 * The map as a PNG, as it is drawn: polygons, ticket dots, tiles where the tile server allows it,
 * and the legend; Leaflet's zoom buttons are left out. html-to-image copies the element into an
 * SVG foreignObject and paints it on a canvas; it is loaded only when someone saves a map.
 */
import { saveUrl } from '@/shared/utils/save-file.ts';

/** A tile the browser may not copy (no CORS) is painted transparent rather than failing the save. */
const TRANSPARENT = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export async function saveMapPng(element: HTMLElement, fileName: string, background: string): Promise<void> {
  const { toPng } = await import('html-to-image');
  const url = await toPng(element, {
    pixelRatio: 2,
    backgroundColor: background,
    imagePlaceholder: TRANSPARENT,
    filter: (node) => !(node instanceof HTMLElement && node.classList.contains('leaflet-control-container')),
  });
  saveUrl(url, `${fileName}.png`);
}
