/**
 * System endpoints: liveness, readiness and build information.
 * Shared by the server (validation, serialization, OpenAPI) and the web app (types).
 */
import { Type, type Static } from 'typebox';

export const HealthResponse = Type.Object({ status: Type.Literal('ok') }, { description: 'The process is alive.' });
export type HealthResponse = Static<typeof HealthResponse>;

export const ReadinessResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
    checks: Type.Object({
      database: Type.Boolean({ description: 'The database answers a query.' }),
      migrations: Type.Boolean({ description: 'Every migration has been applied.' }),
    }),
  },
  { description: 'Database reachable and migrations applied.' },
);
export type ReadinessResponse = Static<typeof ReadinessResponse>;

export const SystemInfoResponse = Type.Object(
  {
    name: Type.String(),
    version: Type.String(),
    database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
    serverTime: Type.String({ format: 'date-time', description: 'Now, from the injectable clock.' }),
    mapTileUrl: Type.Union([Type.String(), Type.Null()], {
      description: 'Optional XYZ tile URL template for maps; null = no base map',
    }),
  },
  { description: 'Build and runtime information.' },
);
export type SystemInfoResponse = Static<typeof SystemInfoResponse>;
