/** Shared by the places services: where a new record belongs, and LIKE escaping. */
import { Permission } from '@wangge/contracts';
import { AppError } from '../../lib/errors.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { MapsService } from '../units/maps.service.ts';

export type Point = { lng?: number | undefined; lat?: number | undefined };

export const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The unit given, or the lowest unit whose polygon holds the point; either way inside the actor's scope. */
export async function placeUnit(access: AccessService, maps: MapsService, actor: Actor, unitId: number | undefined, p: Point) {
  let id = unitId;
  if (id === undefined) {
    if (p.lng === undefined || p.lat === undefined)
      throw AppError.badRequest('Give a unit or a point (lng, lat)', [
        { path: '/body/unitId', message: 'unit or point required' },
      ]);
    const found = await maps.locate(actor, p.lng, p.lat);
    if (!found.unit)
      throw AppError.badRequest('The point lies outside every grid you can see', [
        { path: '/body/lng', message: 'outside your area' },
      ]);
    id = found.unit.id;
  }
  return (await access.requireUnit(actor, Permission.PeopleWrite, id)).unit;
}
