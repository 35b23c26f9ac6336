/**
 * Leaflet drawing of a ticket's place: the unit's outline and its children, and the point as a
 * circle. With `onPick`, a click moves the point. Loaded lazily (TicketMap), so Leaflet costs
 * nothing to screens without a map. No base map unless the server names a tile URL.
 */
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { GeoPoint, UnitMap } from '@wangge/contracts';

export interface PointMapCanvasProps {
  shapes: UnitMap | null;
  point: GeoPoint | null;
  onPick?: ((point: GeoPoint) => void) | undefined;
  tileUrl: string | null;
  label: string;
  height: number;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function PointMapCanvas({ shapes, point, onPick, tileUrl, label, height }: PointMapCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  // The view is fitted when the shapes change or a point first appears, not on every click.
  const pointRef = useRef(point);
  pointRef.current = point;
  const hasPoint = point !== null;

  useEffect(() => {
    if (!containerRef.current) return;
    const map = L.map(containerRef.current, { zoomSnap: 0.25, attributionControl: false });
    map.on('click', (e: L.LeafletMouseEvent) => onPickRef.current?.({ lng: round(e.latlng.lng), lat: round(e.latlng.lat) }));
    mapRef.current = map;
    return () => {
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
    if (shapes?.outline)
      L.geoJSON(shapes.outline, { style: { color: '#1f5fa8', weight: 2, fill: false }, interactive: false }).addTo(group);
    for (const f of shapes?.features ?? [])
      L.geoJSON(f.geometry, { style: { color: '#8c8c8c', weight: 1, fillOpacity: 0.05 }, interactive: false }).addTo(group);
    const bounds = group.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
    else if (pointRef.current) map.setView([pointRef.current.lat, pointRef.current.lng], 15);
    else map.setView([28.2, 112.9], 8);
    return () => {
      group.remove();
    };
  }, [shapes, hasPoint]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !point) return;
    const marker = L.circleMarker([point.lat, point.lng], { radius: 8, color: '#cf1322', weight: 2, fillOpacity: 0.6 }).addTo(
      map,
    );
    marker.getElement()?.setAttribute('data-testid', 'ticket-point');
    return () => {
      marker.remove();
    };
  }, [point]);

  return (
    <div
      ref={containerRef}
      role="region"
      aria-label={label}
      data-testid="ticket-map"
      style={{ height, background: '#f4f6f9', borderRadius: 4, cursor: onPick ? 'crosshair' : undefined }}
    />
  );
}
