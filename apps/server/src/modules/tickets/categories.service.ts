/**
 * Ticket categories (事件类别): a configurable tree. Each carries its default handling level and
 * department, deadline rules (13710 by default), a JSON Schema for extra fields, and the radius
 * and window in which a new report is a possible duplicate. Edited by the system administrator.
 */
import {
  ErrorCode,
  openTicketStates,
  type Category,
  type CategoryInput,
  type DeadlineRules,
  type FieldError,
} from '@wangge/contracts';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { Db } from '../../db/client.ts';
import type { TicketCategoryTable } from '../../db/tables/tickets.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { defaultCategories } from './categories.defaults.ts';
import { checkCategoryInput } from './categories.input.ts';
import { defaultDeadlines } from './deadlines.ts';

type Row = Selectable<TicketCategoryTable> & { dep_code: string | null; dep_name: string | null; dep_unit_id: number | null };

export class CategoriesService {
  readonly #ajv = new Ajv({ allErrors: true, strict: false });
  readonly #validators = new Map<string, ValidateFunction>();
  #cache: Map<number, Category> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<Category[]> {
    return [...(await this.#all()).values()];
  }

  /** `q`: the caller's transaction, when inside one. */
  async get(id: number, q: Kysely<Database> = this.db.db): Promise<Category> {
    const c = (await this.#all(q)).get(id);
    if (!c) throw new AppError(404, ErrorCode.NotFound, `Category ${id} not found`);
    return c;
  }

  /** The category for a new ticket: it must exist and be active. */
  async forIntake(id: number): Promise<Category> {
    const c = (await this.#all()).get(id);
    if (!c || c.status !== 'active')
      throw AppError.badRequest(`Unknown or retired category ${id}`, [
        { path: '/body/categoryId', message: 'is not an active category' },
      ]);
    return c;
  }

  /** Checks a ticket's extra fields against its category's JSON Schema; returns them normalised. */
  validateFields(c: Category, fields: Record<string, unknown> | undefined): Record<string, unknown> {
    const value = fields ?? {};
    if (!c.fieldsSchema) {
      if (Object.keys(value).length > 0)
        throw AppError.badRequest(`Category ${c.name} has no extra fields`, [{ path: '/body/fields', message: 'must be empty' }]);
      return value;
    }
    const validate = this.#validator(c);
    if (!validate(value)) {
      const errors: FieldError[] = (validate.errors ?? []).map((e) => ({
        path: `/body/fields${e.instancePath}${e.params && 'missingProperty' in e.params ? `/${String(e.params.missingProperty)}` : ''}${e.params && 'additionalProperty' in e.params ? `/${String(e.params.additionalProperty)}` : ''}`,
        message: e.message ?? 'is invalid',
      }));
      throw AppError.badRequest(`The extra fields do not match category ${c.name}`, errors);
    }
    return value;
  }

  async create(actor: Actor, input: CategoryInput): Promise<Category> {
    const now = this.clock.now();
    checkCategoryInput(this.#ajv, input);
    await this.#checkParent(null, input.parentId);
    const id = await this.db.db.transaction().execute(async (trx) => {
      const dup = await trx.selectFrom('ticket_category').select('id').where('code', '=', input.code).executeTakeFirst();
      if (dup) throw AppError.conflict(`Category code ${input.code} is taken`);
      const row = await trx
        .insertInto('ticket_category')
        .values({
          parent_id: input.parentId ?? null,
          code: input.code,
          name: input.name,
          default_level: input.defaultLevel ?? 'grid',
          default_department_id: input.defaultDepartmentId ?? null,
          deadline_class: input.deadlineClass ?? 'ordinary',
          deadlines: input.deadlines ? JSON.stringify(input.deadlines) : (null as never),
          fields_schema: input.fieldsSchema ? JSON.stringify(input.fieldsSchema) : (null as never),
          duplicate_radius_m: input.duplicateRadiusM ?? 200,
          duplicate_window_days: input.duplicateWindowDays ?? 7,
          allow_skip_levels: input.allowSkipLevels ?? false,
          status: input.status ?? 'active',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.audit.record(trx, actor, {
        action: 'category.create',
        objectType: 'ticketCategory',
        objectId: row.id,
        detail: { ...input },
      });
      return row.id;
    });
    this.#cache = null;
    return this.get(id);
  }

  async update(actor: Actor, id: number, input: CategoryInput): Promise<Category> {
    const now = this.clock.now();
    await this.get(id);
    checkCategoryInput(this.#ajv, input);
    await this.#checkParent(id, input.parentId);
    const taken = await this.db.db
      .selectFrom('ticket_category')
      .select('id')
      .where('code', '=', input.code)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (taken) throw AppError.conflict(`Category code ${input.code} is taken`);
    await this.db.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('ticket_category')
        .set({
          ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
          code: input.code,
          name: input.name,
          ...(input.defaultLevel ? { default_level: input.defaultLevel } : {}),
          ...(input.defaultDepartmentId !== undefined ? { default_department_id: input.defaultDepartmentId } : {}),
          ...(input.deadlineClass ? { deadline_class: input.deadlineClass } : {}),
          ...(input.deadlines !== undefined
            ? { deadlines: (input.deadlines ? JSON.stringify(input.deadlines) : null) as never }
            : {}),
          ...(input.fieldsSchema !== undefined
            ? { fields_schema: (input.fieldsSchema ? JSON.stringify(input.fieldsSchema) : null) as never }
            : {}),
          ...(input.duplicateRadiusM !== undefined ? { duplicate_radius_m: input.duplicateRadiusM } : {}),
          ...(input.duplicateWindowDays !== undefined ? { duplicate_window_days: input.duplicateWindowDays } : {}),
          ...(input.allowSkipLevels !== undefined ? { allow_skip_levels: input.allowSkipLevels } : {}),
          ...(input.status ? { status: input.status } : {}),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      // The sweep reads the supervision step when it runs: the category's red tickets are looked at
      // in its next run, so a changed step raises (or holds) their supervision by the new rule.
      if (input.deadlines !== undefined || input.deadlineClass)
        await trx
          .updateTable('ticket')
          .set({ next_check_at: now })
          .where('category_id', '=', id)
          .where('light', '=', 'red')
          .where('state', 'in', openTicketStates)
          .execute();
      await this.audit.record(trx, actor, {
        action: 'category.update',
        objectType: 'ticketCategory',
        objectId: id,
        detail: { ...input },
      });
    });
    this.#cache = null;
    this.#validators.clear();
    return this.get(id);
  }

  /** Adds the standard categories that are missing and links default departments that now exist. Idempotent. */
  async ensureDefaults(): Promise<void> {
    const now = this.clock.now();
    const existing = new Map(
      (await this.db.db.selectFrom('ticket_category').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
    );
    const departments = await this.db.db.selectFrom('department').select(['id', 'code']).where('kind', '=', 'bureau').execute();
    const depBySuffix = new Map(departments.map((d) => [d.code.split('-').pop()!, d.id]));
    for (const [sort, d] of defaultCategories.entries()) {
      const depId = d.department ? (depBySuffix.get(d.department) ?? null) : null;
      if (existing.has(d.code)) {
        if (depId)
          await this.db.db
            .updateTable('ticket_category')
            .set({ default_department_id: depId })
            .where('code', '=', d.code)
            .where('default_department_id', 'is', null)
            .execute();
        continue;
      }
      const row = await this.db.db
        .insertInto('ticket_category')
        .values({
          parent_id: d.parent ? (existing.get(d.parent) ?? null) : null,
          code: d.code,
          name: d.name,
          default_level: d.level ?? 'grid',
          default_department_id: depId,
          deadline_class: d.deadlineClass ?? 'ordinary',
          deadlines: null as never,
          fields_schema: (d.fields ? JSON.stringify(d.fields) : null) as never,
          duplicate_radius_m: d.radius ?? 200,
          duplicate_window_days: 7,
          allow_skip_levels: d.allowSkip ?? false,
          status: 'active',
          sort,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      existing.set(d.code, row.id);
    }
    this.#cache = null;
  }

  /** The parent must exist, and must not be the category itself or one of its own descendants. */
  async #checkParent(id: number | null, parentId: number | null | undefined) {
    if (parentId === undefined || parentId === null) return;
    const all = await this.#all();
    if (!all.has(parentId))
      throw AppError.badRequest(`Category ${parentId} not found`, [{ path: '/body/parentId', message: 'not found' }]);
    for (let at: number | null = parentId; at !== null; at = all.get(at)?.parentId ?? null)
      if (at === id)
        throw AppError.badRequest('A category cannot sit below itself', [
          { path: '/body/parentId', message: 'is the category itself or below it' },
        ]);
  }

  #validator(c: Category): ValidateFunction {
    let v = this.#validators.get(c.code);
    if (!v) {
      v = this.#ajv.compile(c.fieldsSchema!);
      this.#validators.set(c.code, v);
    }
    return v;
  }

  async #all(q: Kysely<Database> = this.db.db): Promise<Map<number, Category>> {
    if (this.#cache) return this.#cache;
    const rows = (await q
      .selectFrom('ticket_category as c')
      .leftJoin('department as d', 'd.id', 'c.default_department_id')
      .selectAll('c')
      .select(['d.code as dep_code', 'd.name as dep_name', 'd.unit_id as dep_unit_id'])
      .orderBy('c.sort')
      .orderBy('c.id')
      .execute()) as Row[];
    this.#cache = new Map(rows.map((r) => [r.id, toCategory(r)]));
    return this.#cache;
  }
}

function toCategory(r: Row): Category {
  const own = r.deadlines as DeadlineRules | null;
  return {
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    defaultLevel: r.default_level as Category['defaultLevel'],
    defaultDepartment:
      r.default_department_id && r.dep_code
        ? { id: r.default_department_id, code: r.dep_code, name: r.dep_name!, unitId: r.dep_unit_id! }
        : null,
    deadlineClass: r.deadline_class,
    deadlines: own ?? defaultDeadlines[r.deadline_class],
    customDeadlines: own !== null,
    fieldsSchema: r.fields_schema,
    duplicateRadiusM: r.duplicate_radius_m,
    duplicateWindowDays: r.duplicate_window_days,
    allowSkipLevels: r.allow_skip_levels,
    status: r.status,
  };
}
