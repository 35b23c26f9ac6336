import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, smallTree, square } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let t: Awaited<ReturnType<typeof smallTree>>;
beforeAll(async () => {
  rt = await testRuntime();
  t = await smallTree(rt);
});
afterAll(() => rt.close());

const put = (id: number, geometry: unknown) => api(t.official, 'PUT', `/api/v1/units/${id}/geometry`, { geometry });

describe('grid maps', () => {
  it('refuses unclosed rings, self-intersections and impossible coordinates, keeping the old polygon', async () => {
    expect((await put(t.village.id, square(112.9, 28.6, 0.1))).status).toBe(200);
    const open = await put(t.village.id, {
      type: 'Polygon',
      coordinates: [
        [
          [112.9, 28.6],
          [113, 28.6],
          [113, 28.7],
          [112.9, 28.7],
        ],
      ],
    });
    expect(open.status).toBe(400);
    expect(open.body.detail).toMatch(/not closed/);
    const bowtie = await put(t.village.id, {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    });
    expect(bowtie.status).toBe(400);
    expect(bowtie.body.detail).toMatch(/intersects itself/);
    const far = await put(t.village.id, {
      type: 'Polygon',
      coordinates: [
        [
          [200, 0],
          [1, 1],
          [1, 0],
          [200, 0],
        ],
      ],
    });
    expect(far.status).toBe(400);
    const kept = (await api(t.official, 'GET', `/api/v1/units/${t.village.id}/geometry`)).body;
    expect(kept).toEqual(square(112.9, 28.6, 0.1));
  });

  it('flags overlap with a sibling and parts outside the parent, without refusing', async () => {
    const g2 = (await api(t.official, 'POST', '/api/v1/units', { parentId: t.village.id, kind: 'grid', name: '第2网格' })).body;
    expect((await put(t.grid.id, square(112.9, 28.6, 0.05))).body.issues).toEqual([]);
    const res = await put(g2.id, square(112.94, 28.6, 0.08));
    expect(res.status).toBe(200);
    expect(res.body.issues.map((i: { kind: string }) => i.kind).sort()).toEqual(['outsideParent', 'overlapsSibling']);
    expect(res.body.issues.find((i: { kind: string }) => i.kind === 'overlapsSibling').unit.id).toBe(t.grid.id);
  });

  it('locates a point in the lowest unit whose polygon contains it, and follows changes', async () => {
    const hit = (await api(t.official, 'GET', '/api/v1/locate?lng=112.91&lat=28.61')).body;
    expect(hit.unit.id).toBe(t.grid.id);
    expect(hit.chain.map((u: { kind: string }) => u.kind)).toEqual(['county', 'township', 'village', 'grid']);
    expect((await api(t.official, 'GET', '/api/v1/locate?lng=112.99&lat=28.69')).body.unit.id).toBe(t.village.id);
    expect((await api(t.official, 'GET', '/api/v1/locate?lng=100&lat=20')).body.unit).toBeNull();
    await put(t.grid.id, null);
    expect((await api(t.official, 'GET', '/api/v1/locate?lng=112.91&lat=28.61')).body.unit.id).toBe(t.village.id);
    expect((await api(t.official, 'GET', '/api/v1/locate?lng=181&lat=0')).status).toBe(400);
  });

  it('exports a subtree as GeoJSON and imports it back by code, row by row', async () => {
    await put(t.grid.id, square(112.9, 28.6, 0.05));
    const fc = (await api(t.official, 'GET', `/api/v1/units/${t.village.id}/geojson`)).body;
    expect(fc.features.map((f: { properties: { code: string } }) => f.properties.code)).toContain(t.grid.code);
    fc.features.push({ type: 'Feature', properties: { code: 'nope' }, geometry: square(0, 0, 1) });
    const result = (await api(t.official, 'POST', '/api/v1/units/geojson', fc)).body;
    expect(result.read).toBe(result.updated + result.rejected.length);
    expect(result.rejected).toEqual([{ index: fc.features.length - 1, code: 'nope', reason: 'no unit has this code' }]);
    const map = (await api(t.official, 'GET', `/api/v1/units/${t.village.id}/map`)).body;
    expect(map.outline).toEqual(square(112.9, 28.6, 0.1));
    expect(map.features.length).toBeGreaterThanOrEqual(2);
  });
});
