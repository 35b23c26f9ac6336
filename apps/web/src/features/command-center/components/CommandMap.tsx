/**
 * Leaflet drawing of a unit's children coloured by the chosen measure, with the open tickets as
 * dots coloured by their light (village and grid). Loaded lazily, so Leaflet costs nothing until
 * the map shows. The map and its polygons are built once per unit; a refresh only restyles them
 * and redraws the dots, so a wall that refreshes all day keeps a constant number of layers.
 *
 * Each polygon's SVG path carries data-testid="map-unit", data-unit-id, data-unit-name, its fill
 * colour (data-fill) and an accessible name, and drills down on click or Enter.
 */
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './CommandMap.css';
import type { Dashboard, UnitMap } from '@wangge/contracts';
import { lightColors, WALL_BACKGROUND } from '../utils/colors.ts';

type Point = NonNullable<Dashboard['points']>[number];

export interface ChildStyle {
  color: string;
  /** Accessible name: the unit and its value. */
  label: string;
}

export interface CommandMapProps {
  shapes: UnitMap;
  styles: ReadonlyMap<number, ChildStyle>;
  points: readonly Point[] | null;
  tileUrl: string | null;
  dark: boolean;
  label: string;
  onOpen: (unitId: number) => void;
  onPoint: (ticketId: number) => void;
}

const outline = (dark: boolean): L.PathOptions => ({
  color: dark ? '#69b1ff' : '#1f5fa8',
  weight: 2,
  dashArray: '6 4',
  fill: false,
  interactive: false,
});

export function CommandMap({ shapes, styles, points, tileUrl, dark, label, onOpen, onPoint }: CommandMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const polygons = useRef(new Map<number, L.GeoJSON>());
  const handlers = useRef({ onOpen, onPoint });
  handlers.current = { onOpen, onPoint };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, { zoomSnap: 0.25, attributionControl: false });
    mapRef.current = map;
    const onKey = (e: KeyboardEvent) => {
      const id = e.key === 'Enter' && e.target instanceof Element ? e.target.getAttribute('data-unit-id') : null;
      if (id) handlers.current.onOpen(Number(id));
    };
    container.addEventListener('keydown', onKey);
    return () => {
      container.removeEventListener('keydown', onKey);
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tileUrl) return;
    const tiles = L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
    return () => void tiles.remove();
  }, [tileUrl]);

  // Polygons: once per unit (and theme).
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const group = L.featureGroup().addTo(map);
    const byId = polygons.current;
    if (shapes.outline) L.geoJSON(shapes.outline, { style: outline(dark) }).addTo(group);
    for (const feature of shapes.features) {
      const { id, name } = feature.properties;
      const layer = L.geoJSON(feature.geometry, {
        style: { color: dark ? WALL_BACKGROUND : '#ffffff', weight: 1.5, fillOpacity: 0.8 },
      });
      layer.bindTooltip(name, { permanent: true, direction: 'center', className: 'cc-map-label' });
      layer.on('click', () => handlers.current.onOpen(id));
      layer.on('add', () => {
        layer.eachLayer((part) => {
          const el = (part as L.Path).getElement();
          if (!el) return;
          el.setAttribute('data-testid', 'map-unit');
          el.setAttribute('data-unit-id', String(id));
          el.setAttribute('data-unit-name', name);
          el.setAttribute('role', 'link');
          el.setAttribute('tabindex', '0');
        });
      });
      layer.addTo(group);
      byId.set(id, layer);
    }
    const bounds = group.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
    else map.setView([35, 105], 4);
    return () => {
      group.remove();
      byId.clear();
    };
  }, [shapes, dark]);

  // Colours and names: on every refresh, without rebuilding.
  useEffect(() => {
    for (const [id, layer] of polygons.current) {
      const style = styles.get(id);
      layer.setStyle({ fillColor: style?.color ?? lightColors.none });
      layer.eachLayer((part) => {
        const el = (part as L.Path).getElement();
        el?.setAttribute('data-fill', style?.color ?? lightColors.none);
        el?.setAttribute('aria-label', style?.label ?? '');
      });
    }
  }, [styles, shapes, dark]);

  // Ticket dots: one canvas layer, replaced on each refresh.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !points || points.length === 0) return;
    const renderer = L.canvas({ padding: 0.2 });
    const group = L.layerGroup().addTo(map);
    for (const p of points) {
      const color = lightColors[p.light ?? 'none'];
      L.circleMarker([p.lat, p.lng], {
        renderer,
        radius: dark ? 6 : 5,
        color: '#fff',
        weight: 1,
        fillColor: color,
        fillOpacity: 0.95,
      })
        .on('click', () => handlers.current.onPoint(p.id))
        .addTo(group);
    }
    return () => {
      group.remove();
      renderer.remove();
    };
  }, [points, dark]);

  return (
    // Leaflet owns the inner element's classes; the theme class sits on a wrapper React owns.
    <div className={dark ? 'cc-map-dark' : undefined} style={{ height: '100%' }}>
      <div
        ref={containerRef}
        role="region"
        aria-label={label}
        data-testid="cc-map"
        style={{ height: '100%', minHeight: 320, background: dark ? WALL_BACKGROUND : '#f4f6f9', borderRadius: 4 }}
      />
    </div>
  );
}

export default CommandMap;
