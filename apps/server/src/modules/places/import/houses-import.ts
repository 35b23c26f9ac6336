/**
 * Houses imports (房屋, with their buildings 楼栋): the houses kind of the shared import machinery
 * (modules/imports). One row per house; rows are checked by house-checker.ts and written by
 * house-writer.ts, a batch per transaction with the job's counters.
 */
import type { Db } from '../../../db/client.ts';
import type { ImportKind } from '../../imports/import-kind.ts';
import { checkHouseRows, type HouseGood, type HouseRunState } from './house-checker.ts';
import { houseColumns } from './house-columns.ts';
import { writeHouses, type BuildingCache } from './house-writer.ts';

export const housesImportKind = (db: Db): ImportKind<HouseGood> => ({
  name: 'houses',
  audit: 'house.import',
  columns: houseColumns,
  template: {
    fileName: 'houses-template',
    sheet: '房屋',
    notes: [
      ['每行', '', '一行一套房屋，并写明所在楼栋；同一楼栋的各行楼栋名称须一致'],
      ['所属单元编码', '是', '楼栋所在网格（或其他单元）的编码，须在导入单元之内（在“网格”模块中可查）'],
      ['楼栋名称', '是', '在所属单元内按名称找楼栋：已登记的楼栋直接使用，未登记的按第一次出现的行新建'],
      ['楼栋地址、楼栋用途、层数、经度、纬度', '', '新建楼栋时使用（以该楼栋第一次出现的行为准）；已登记的楼栋不改动'],
      ['楼栋用途', '否', '住宅 / 商业 / 商住 / 公共 / 工业 / 农业 / 其他，不填为住宅'],
      ['经度、纬度', '否', '须同时填写，且位于所属单元的地图范围内（单元画有地图时）'],
      ['房号', '是', '同一楼栋内不重复，如 101、2-301'],
      ['建筑面积（㎡）', '否', '数字，单位平方米；“新增或更新”时不填则保留原值'],
      ['房屋用途', '否', '自住 / 出租 / 空置 / 经营，不填为自住；“新增或更新”时不填则保留原值'],
    ],
  },
  begin(run) {
    const state: HouseRunState = { units: new Map(), seen: new Map() };
    const buildings: BuildingCache = new Map();
    return {
      check: (rows) => checkHouseRows(db.db, run, rows, state),
      write: (batch) => writeHouses(db, run, batch, buildings, run.now()),
    };
  },
});
