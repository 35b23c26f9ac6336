/**
 * People imports: the people kind of the shared import machinery (modules/imports). Rows are
 * checked (GB 11643 ID numbers, units, households: batch-checker.ts) and written with COPY or
 * INSERT … ON CONFLICT by blind-indexed ID number (batch-writer.ts).
 */
import type { Db } from '../../../db/client.ts';
import type { FieldCrypto } from '../../../lib/field-crypto.ts';
import type { ImportKind } from '../../imports/import-kind.ts';
import { checkRows, type UnitCache } from './batch-checker.ts';
import { writeBatch, type GoodRow } from './batch-writer.ts';
import { peopleColumns } from './columns.ts';

export { BATCH } from '../../imports/import.service.ts';

export const peopleImportKind = (db: Db, crypto: FieldCrypto): ImportKind<GoodRow> => ({
  name: 'people',
  audit: 'person.import',
  columns: peopleColumns,
  template: {
    fileName: 'people-template',
    sheet: '实有人口',
    notes: [
      ['人口类型', '是', '户籍人口 / 流动人口 / 未落户人口 / 境外人员'],
      ['所属单元编码', '是', '网格、微网格或联户的编码（在“网格”模块中可查）'],
      ['关爱标识', '否', '留守老人、留守儿童、留守妇女、残疾人、低保、特困、独居、退役军人，多个用顿号分隔'],
      ['性别、出生日期', '否', '可不填，由公民身份号码推出；填写时须与号码一致'],
    ],
  },
  begin(run) {
    const units: UnitCache = new Map();
    const target = { id: run.id, mode: run.mode, scopePath: run.scopePath, seal: run.seal };
    return {
      check: (rows) => checkRows({ db, crypto }, run, run.scopePath, rows, units, run.today, run.now()),
      write: (batch) => writeBatch(db, target, batch, run.now()),
    };
  },
});
