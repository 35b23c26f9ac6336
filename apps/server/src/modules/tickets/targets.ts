/** Where assign and transfer may send a ticket: a unit or department the actor may reach. */
import { Permission } from '@wangge/contracts';
import { AppError } from '../../lib/errors.ts';
import { unitHolder, type Holder } from './holders.ts';
import type { OpContext } from './ops.ts';

const bad = (path: string, message: string) => AppError.badRequest(message, [{ path: `/body/${path}`, message }]);

const covers = (grantPath: string, path: string) => path === grantPath || path.startsWith(`${grantPath}.`);

/** A unit or department the actor may hand the ticket to. */
export async function target(
  ctx: OpContext,
  body: { toUnitId?: number; toDepartmentId?: number },
  below: boolean,
): Promise<Holder> {
  const { trx, row, actor, access } = ctx;
  if ((body.toUnitId === undefined) === (body.toDepartmentId === undefined))
    throw bad('toUnitId', 'Give exactly one of toUnitId and toDepartmentId');
  const dispatcher = ctx.roles.has('dispatcher');
  if (body.toUnitId !== undefined) {
    const u = await trx
      .selectFrom('unit')
      .select(['id', 'name', 'kind', 'path', 'status'])
      .where('id', '=', body.toUnitId)
      .executeTakeFirst();
    if (!u || u.status !== 'active' || !(actor.system || access.grantFor(actor, Permission.TicketsHandle, u.path)))
      throw bad('toUnitId', `Unit ${body.toUnitId} not found`);
    if (!['county', 'township', 'village', 'grid'].includes(u.kind))
      throw bad('toUnitId', 'Tickets are held by grids and the levels above');
    if (u.id === row.holder_unit_id && row.holder_department_id === null)
      throw bad('toUnitId', 'The unit already holds this ticket');
    if (below && !dispatcher && !u.path.startsWith(`${row.holder_unit_path}.`))
      throw bad('toUnitId', 'Assign to a unit below the current holder (escalate to go up)');
    return unitHolder(u);
  }
  const d = await trx
    .selectFrom('department as d')
    .innerJoin('unit as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.name', 'd.status', 'u.id as unit_id', 'u.path'])
    .where('d.id', '=', body.toDepartmentId!)
    .executeTakeFirst();
  if (!d || d.status !== 'active' || !(actor.system || access.grantFor(actor, Permission.TicketsHandle, d.path)))
    throw bad('toDepartmentId', `Department ${body.toDepartmentId} not found`);
  if (!covers(d.path, row.unit_path)) throw bad('toDepartmentId', 'The department does not serve the area of this ticket');
  if (d.id === row.holder_department_id) throw bad('toDepartmentId', 'The department already holds this ticket');
  return { level: 'department', unitId: d.unit_id, unitPath: d.path, departmentId: d.id, name: d.name };
}
