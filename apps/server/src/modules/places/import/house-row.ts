/**
 * One row of a houses file → the building's and the house's fields, or the reasons per column.
 * Empty optional cells stay null: a new building is 住宅 and a new house 自住 by default, and an
 * update (upsert) keeps the house's area and use where the row leaves them empty.
 */
import { cellGetter } from '../../imports/columns.ts';
import {
  buildingUseWords,
  headerOf,
  houseUseWords,
  parseNumber,
  type BuildingUse,
  type HouseColumnKey,
  type HouseUse,
} from './house-columns.ts';

export interface HouseFields {
  unitCode: string;
  building: {
    name: string;
    address: string;
    use: BuildingUse | null;
    floors: number | null;
    lng: number | null;
    lat: number | null;
  };
  house: { number: string; areaM2: number | null; use: HouseUse | null };
}
export interface ParsedHouseRow {
  fields: HouseFields;
  problems: { column: string; message: string }[];
}

// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;
const AREA_UNITS = /(㎡|m²|m2|平方米|平米)$/i;
const FLOOR_UNITS = /(层|F)$/i;

export function parseHouseRow(cells: string[], index: Map<HouseColumnKey, number>): ParsedHouseRow {
  const get = cellGetter(cells, index);
  const problems: ParsedHouseRow['problems'] = [];
  const bad = (key: HouseColumnKey, message: string) => problems.push({ column: headerOf(key), message });
  const text = (key: HouseColumnKey, label: string, max: number, required: boolean) => {
    const value = get(key);
    if (!value && required) bad(key, `${label}必填`);
    else if (value.length > max) bad(key, `${label}超过${max}个字`);
    else if (CONTROL.test(value)) bad(key, `${label}含有不可见的控制字符`);
    return value;
  };

  const unitCode = text('unitCode', '所属单元编码', 50, true);
  const name = text('buildingName', '楼栋名称', 100, true);
  const address = text('buildingAddress', '楼栋地址', 200, true);
  const number = text('number', '房号', 20, true);

  const buildingUseText = get('buildingUse');
  const buildingUse = buildingUseText ? (buildingUseWords[buildingUseText] ?? null) : null;
  if (buildingUseText && !buildingUse)
    bad('buildingUse', `不认识的楼栋用途“${buildingUseText}”，应为 住宅、商业、商住、公共、工业、农业 或 其他`);
  const houseUseText = get('houseUse');
  const houseUse = houseUseText ? (houseUseWords[houseUseText] ?? null) : null;
  if (houseUseText && !houseUse) bad('houseUse', `不认识的房屋用途“${houseUseText}”，应为 自住、出租、空置 或 经营`);

  const floorsText = get('floors');
  const floors = floorsText ? parseNumber(floorsText, FLOOR_UNITS) : null;
  if (floorsText && !(floors !== null && Number.isInteger(floors) && floors >= 1 && floors <= 200))
    bad('floors', `层数应为1至200的整数，“${floorsText}”不是`);

  const areaText = get('area');
  const area = areaText ? parseNumber(areaText, AREA_UNITS) : null;
  if (areaText && area === null) bad('area', `建筑面积应为数字（平方米），如 89.5，“${areaText}”不是`);
  else if (area !== null && (area <= 0 || area > 100_000)) bad('area', '建筑面积应大于0且不超过100000平方米');

  const lngText = get('lng');
  const latText = get('lat');
  const lng = lngText ? parseNumber(lngText, /°$/) : null;
  const lat = latText ? parseNumber(latText, /°$/) : null;
  if (lngText && (lng === null || lng < -180 || lng > 180)) bad('lng', `经度应为-180至180之间的数字，“${lngText}”不是`);
  if (latText && (lat === null || lat < -90 || lat > 90)) bad('lat', `纬度应为-90至90之间的数字，“${latText}”不是`);
  if (Boolean(lngText) !== Boolean(latText)) bad(lngText ? 'lat' : 'lng', '经度和纬度须同时填写，或都不填');

  return {
    fields: {
      unitCode,
      building: {
        name,
        address,
        use: buildingUse,
        floors: floors !== null && Number.isInteger(floors) ? floors : null,
        lng: lngText && latText ? lng : null,
        lat: lngText && latText ? lat : null,
      },
      house: { number, areaM2: area, use: houseUse },
    },
    problems,
  };
}
