/**
 * The columns of the houses template: one row per house (房屋), with its building's (楼栋) facts;
 * and the words officials use for a building's and a house's use, mapped to the codes of the
 * `building` and `house` tables (BuildingUses, HouseUses in the contracts).
 */
import type { BuildingUses, HouseUses } from '@wangge/contracts';
import { mapColumns, type Column } from '../../imports/columns.ts';

export type HouseColumnKey =
  'unitCode' | 'buildingName' | 'buildingAddress' | 'buildingUse' | 'floors' | 'lng' | 'lat' | 'number' | 'area' | 'houseUse';

export const houseColumns: Column<HouseColumnKey>[] = [
  { key: 'unitCode', header: '所属单元编码', required: true, example: '430624101001001' },
  { key: 'buildingName', header: '楼栋名称', required: true, example: '3栋', aliases: ['楼栋', '楼栋名'] },
  { key: 'buildingAddress', header: '楼栋地址', required: true, example: '东塘镇东塘村1组3号' },
  { key: 'buildingUse', header: '楼栋用途', required: false, example: '住宅' },
  { key: 'floors', header: '层数', required: false, example: '6', aliases: ['楼层数', '总层数'] },
  { key: 'lng', header: '经度', required: false, example: '112.8891' },
  { key: 'lat', header: '纬度', required: false, example: '28.6903' },
  { key: 'number', header: '房号', required: true, example: '101', aliases: ['房间号', '门牌号'] },
  {
    key: 'area',
    header: '建筑面积（㎡）',
    required: false,
    example: '89.5',
    aliases: ['建筑面积(㎡)', '建筑面积（平方米）', '建筑面积(平方米)', '建筑面积', '面积（㎡）', '面积(㎡)', '面积'],
  },
  { key: 'houseUse', header: '房屋用途', required: false, example: '自住', aliases: ['使用情况', '房屋使用情况'] },
];

export const headerOf = (key: HouseColumnKey) => houseColumns.find((c) => c.key === key)!.header;

/** Maps header text to the houses columns; reports missing required and unknown headers. */
export const mapHouseHeaders = (headers: string[]) => mapColumns(houseColumns, headers);

export type BuildingUse = (typeof BuildingUses)[number];
export type HouseUse = (typeof HouseUses)[number];

export const buildingUseWords: Record<string, BuildingUse> = {
  住宅: 'residential',
  居住: 'residential',
  民房: 'residential',
  住房: 'residential',
  商业: 'commercial',
  商用: 'commercial',
  商铺: 'commercial',
  商住: 'mixed',
  商住两用: 'mixed',
  商住混合: 'mixed',
  混合: 'mixed',
  综合: 'mixed',
  公共: 'public',
  公建: 'public',
  公共建筑: 'public',
  公共设施: 'public',
  工业: 'industrial',
  厂房: 'industrial',
  农业: 'agricultural',
  农用: 'agricultural',
  其他: 'other',
  其它: 'other',
  residential: 'residential',
  commercial: 'commercial',
  mixed: 'mixed',
  public: 'public',
  industrial: 'industrial',
  agricultural: 'agricultural',
  other: 'other',
};

export const houseUseWords: Record<string, HouseUse> = {
  自住: 'ownUse',
  自用: 'ownUse',
  出租: 'rented',
  租赁: 'rented',
  出租房: 'rented',
  空置: 'vacant',
  闲置: 'vacant',
  空房: 'vacant',
  经营: 'business',
  营业: 'business',
  ownUse: 'ownUse',
  rented: 'rented',
  vacant: 'vacant',
  business: 'business',
};

/** A number as typed: digits with an optional decimal part, thousands separators and a unit dropped. */
export function parseNumber(raw: string, units: RegExp): number | null {
  const text = raw.replace(units, '').replace(/[,，]/g, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}
