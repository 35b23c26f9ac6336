/**
 * Export of people as CSV or .xlsx: scoped like the search, masked (never the full ID number or
 * phone), capped per request (more rows are refused whole: narrow the filters), audited, and
 * streamed in pages so memory stays flat.
 */
import type { Readable } from 'node:stream';
import { Permission, type PersonQuery } from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { tabularStream } from '../../lib/tabular-export.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { todayOf } from '../units/units.service.ts';
import { peopleRepo } from './people.repo.ts';
import { toPerson, type PeopleService } from './people.service.ts';

export const EXPORT_CAP = 50_000;
const PAGE = 2000;

const idTypeWords = {
  residentId: '居民身份证',
  residencePermit: '港澳台居民居住证',
  foreignPermanentId: '外国人永久居留身份证',
  passport: '护照',
  travelPermit: '往来内地通行证',
} as const;
const residenceWords = { registered: '户籍人口', migrant: '流动人口', unregistered: '未落户人口', foreign: '境外人员' } as const;
const header = [
  '姓名',
  '性别',
  '出生日期',
  '年龄',
  '公民身份号码',
  '证件类型',
  '联系电话',
  '人口类型',
  '民族',
  '文化程度',
  '职业',
  '所属单元',
  '单元编码',
  '居住地址',
];

export class PeopleExport {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly cap = EXPORT_CAP,
  ) {}

  private async *rows(actor: Actor, q: Omit<PersonQuery, 'limit' | 'offset'>): AsyncGenerator<string[]> {
    const filter = await this.people.filterFor(actor, q, Permission.PeopleExport);
    const today = todayOf(this.clock);
    for (let offset = 0; offset < this.cap; offset += PAGE) {
      const { rows } = await peopleRepo.search(
        this.db.db,
        { ...filter, sort: 'name' },
        Math.min(PAGE, this.cap - offset),
        offset,
      );
      for (const r of rows) {
        const p = toPerson(r, today);
        yield [
          p.name,
          p.sex === 'male' ? '男' : '女',
          p.birthDate,
          String(p.age),
          p.idNumber,
          idTypeWords[p.idType],
          p.phone ?? '',
          residenceWords[p.residenceType],
          p.ethnicity ?? '',
          p.education ?? '',
          p.occupation ?? '',
          p.unit.name,
          p.unit.code,
          p.address ?? '',
        ];
      }
      if (rows.length < PAGE) return;
    }
  }

  async export(actor: Actor, q: Omit<PersonQuery, 'limit' | 'offset'>, format: 'csv' | 'xlsx'): Promise<Readable> {
    // Resolve scope and size first, so a refused export fails before anything is streamed.
    const filter = await this.people.filterFor(actor, q, Permission.PeopleExport);
    if ((await peopleRepo.countUpTo(this.db.db, filter, this.cap + 1)) > this.cap) throw AppError.exportTooLarge(this.cap);
    await this.audit.record(this.db.db, actor, {
      action: 'person.export',
      objectType: 'person',
      detail: { format, filter: q, cap: this.cap },
    });
    return tabularStream(header, this.rows(actor, q), format, '实有人口');
  }
}
