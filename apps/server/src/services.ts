/**
 * The services of every module, built once per process. Routes and jobs reach them through here;
 * a module calls another module's service, never its repository's SQL for writes.
 */
import type { Db } from './db/client.ts';
import type { Clock } from './lib/clock.ts';
import type { FieldCrypto } from './lib/field-crypto.ts';
import { HouseholdsService } from './modules/households/households.service.ts';
import { StaffService } from './modules/staff/staff.service.ts';
import { CoverageService } from './modules/units/coverage.service.ts';
import { MapsService } from './modules/units/maps.service.ts';
import { UnitsService } from './modules/units/units.service.ts';

export function createServices(db: Db, clock: Clock, crypto: FieldCrypto) {
  const maps = new MapsService(db, clock);
  return {
    units: new UnitsService(db, clock, () => maps.locator.invalidate()),
    maps,
    coverage: new CoverageService(db, clock),
    staff: new StaffService(db, clock, crypto),
    households: new HouseholdsService(db, clock),
  };
}

export type Services = ReturnType<typeof createServices>;
