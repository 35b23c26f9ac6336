/**
 * Leaflet drawing of a unit's outline and its children's polygons, coloured by households and
 * labelled by name. Loaded lazily with the map tab, so Leaflet costs nothing elsewhere. No base
 * map is fetched unless the server names a tile URL: county networks are often closed.
 *
 * Each child polygon's SVG path carries data-testid="map-unit", data-unit-id, data-unit-name and
 * an accessible name, and opens the child on click or Enter.
 */
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './UnitLeafletMap.css';
import type { Feature, Geometry } from 'geojson';
import type { UnitMap } from '@wangge/contracts';
import { householdColor, type HouseholdStep } from '../utils/household-scale.ts';

export interface UnitLeafletMapProps {
  map: UnitMap;
  steps: readonly HouseholdStep[];
  tileUrl: string | null;
  /** Accessible name of the whole map. */
  label: string;
  /** The text read for a polygon: its name and household count. */
  describe: (name: string, households: number) => string;
  onOpen: (unitId: number) => void;
}

type ChildFeature = UnitMap['features'][number];

/** Makes a polygon findable and usable without a mouse: a named link that opens the unit on Enter. */
function decorate(el: Element, id: number, name: string, label: string) {
  if (el.getAttribute('data-unit-id') === String(id)) return;
  el.setAttribute('data-testid', 'map-unit');
  el.setAttribute('data-unit-id', String(id));
  el.setAttribute('data-unit-name', name);
  el.setAttribute('role', 'link');
  el.setAttribute('tabindex', '0');
  el.setAttribute('aria-label', label);
}

const outlineStyle: L.PathOptions = { color: '#1f5fa8', weight: 2, dashArray: '6 4', fill: false, interactive: false };

export function UnitLeafletMap({ map: data, steps, tileUrl, label, describe, onOpen }: UnitLeafletMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  // Callbacks change identity every render; the map is built once and reads the latest ones.
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;

  useEffect(() => {
    if (!containerRef.current) return;
    const map = L.map(containerRef.current, { zoomSnap: 0.25, attributionControl: false, preferCanvas: false });
    mapRef.current = map;
    const onKey = (e: KeyboardEvent) => {
      const id = e.key === 'Enter' && e.target instanceof Element ? e.target.getAttribute('data-unit-id') : null;
      if (id) onOpenRef.current(Number(id));
    };
    containerRef.current.addEventListener('keydown', onKey);
    const container = containerRef.current;
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
    return () => {
      tiles.remove();
    };
  }, [tileUrl]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const group = L.featureGroup().addTo(map);
    if (data.outline) L.geoJSON(data.outline, { style: outlineStyle }).addTo(group);

    for (const feature of data.features) {
      const { id, name, households } = feature.properties;
      const layer = L.geoJSON<ChildFeature['properties']>(feature as Feature<Geometry, ChildFeature['properties']>, {
        style: {
          color: '#ffffff',
          weight: 1.5,
          fillColor: householdColor(steps, households),
          fillOpacity: 0.75,
        },
      });
      layer.bindTooltip(name, { permanent: true, direction: 'center', className: 'wangge-map-label' });
      layer.on('click', () => onOpenRef.current(id));
      layer.on('mouseover', (e) => (e.propagatedFrom as L.Path | undefined)?.setStyle({ weight: 3, color: '#1f5fa8' }));
      layer.on('mouseout', (e) => (e.propagatedFrom as L.Path | undefined)?.setStyle({ weight: 1.5, color: '#ffffff' }));
      // Leaflet creates a path's element only once the map has a view, which may be after this
      // loop; decorate it whenever it is (re)added.
      layer.eachLayer((part) => {
        part.on('add', () => {
          const el = (part as L.Path).getElement();
          if (el) decorate(el, id, name, describe(name, households));
        });
      });
      layer.addTo(group);
    }

    const bounds = group.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
    else map.setView([35, 105], 4);
    return () => {
      group.remove();
    };
  }, [data, steps, describe]);

  return (
    <div
      ref={containerRef}
      role="region"
      aria-label={label}
      data-testid="unit-map"
      style={{ height: '100%', minHeight: 480, background: '#f4f6f9', borderRadius: 4 }}
    />
  );
}
