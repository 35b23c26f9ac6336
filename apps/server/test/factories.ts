/**
 * Test data through the API, the way clients create it.
 */
import type { FastifyInstance } from 'fastify';

export const square = (lng: number, lat: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loosely typed JSON bodies
export async function api<T = any>(
  app: FastifyInstance,
  method: string,
  url: string,
  payload?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await app.inject({ method: method as never, url, ...(payload !== undefined ? { payload: payload as never } : {}) });
  return { status: res.statusCode, body: res.body ? (res.json() as T) : (undefined as T) };
}

/** A county → township → village chain with real-looking codes. */
export async function smallTree(app: FastifyInstance) {
  const county = (await api(app, 'POST', '/api/v1/units', { parentId: null, kind: 'county', name: '测试县', code: '430624' }))
    .body;
  const township = (
    await api(app, 'POST', '/api/v1/units', { parentId: county.id, kind: 'township', name: '东塘镇', code: '430624101000' })
  ).body;
  const village = (
    await api(app, 'POST', '/api/v1/units', { parentId: township.id, kind: 'village', name: '东塘村', code: '430624101001' })
  ).body;
  const village2 = (
    await api(app, 'POST', '/api/v1/units', { parentId: township.id, kind: 'village', name: '新塘村', code: '430624101002' })
  ).body;
  const grid = (await api(app, 'POST', '/api/v1/units', { parentId: village.id, kind: 'grid', name: '第1网格' })).body;
  return { county, township, village, village2, grid };
}

export async function newStaff(app: FastifyInstance, name: string, phone = '13800000000') {
  return (await api(app, 'POST', '/api/v1/staff', { name, phone })).body;
}
