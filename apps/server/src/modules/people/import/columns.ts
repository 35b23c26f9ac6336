/**
 * The columns of the people template: Chinese headers as officials know them, and how each cell
 * becomes a field. Values are accepted the way people type them (男/女, 户籍人口, 2024/3/5 …).
 */
import type { IdType, PersonFlag, ResidenceType } from '@wangge/contracts';
import { mapColumns, type Column as GenericColumn } from '../../imports/columns.ts';

export type ColumnKey =
  | 'name'
  | 'idType'
  | 'idNumber'
  | 'sex'
  | 'birthDate'
  | 'ethnicity'
  | 'phone'
  | 'residenceType'
  | 'education'
  | 'occupation'
  | 'unitCode'
  | 'householdId'
  | 'relationToHead'
  | 'flags'
  | 'address';

export type Column = GenericColumn<ColumnKey>;

export const peopleColumns: Column[] = [
  { key: 'name', header: '姓名', required: true, example: '张三' },
  { key: 'idNumber', header: '公民身份号码', required: true, example: '430624199001011234' },
  // Empty means 居民身份证; the other documents are for 境外人员 (and then 性别 and 出生日期 are needed).
  { key: 'idType', header: '证件类型', required: false, example: '居民身份证' },
  { key: 'sex', header: '性别', required: false, example: '男' },
  { key: 'birthDate', header: '出生日期', required: false, example: '1990-01-01' },
  { key: 'ethnicity', header: '民族', required: false, example: '汉族' },
  { key: 'phone', header: '联系电话', required: false, example: '13800000000' },
  { key: 'residenceType', header: '人口类型', required: true, example: '户籍人口' },
  { key: 'education', header: '文化程度', required: false, example: '高中' },
  { key: 'occupation', header: '职业', required: false, example: '农民' },
  { key: 'unitCode', header: '所属单元编码', required: true, example: '430624101001001' },
  { key: 'householdId', header: '户编号', required: false, example: '' },
  { key: 'relationToHead', header: '与户主关系', required: false, example: '户主' },
  { key: 'flags', header: '关爱标识', required: false, example: '留守老人、独居' },
  { key: 'address', header: '居住地址', required: false, example: '东塘镇东塘村1组3号' },
];

export const residenceTypeWords: Record<string, ResidenceType> = {
  户籍: 'registered',
  户籍人口: 'registered',
  registered: 'registered',
  流动: 'migrant',
  流动人口: 'migrant',
  migrant: 'migrant',
  未落户: 'unregistered',
  未落户人口: 'unregistered',
  unregistered: 'unregistered',
  境外: 'foreign',
  境外人员: 'foreign',
  境外人口: 'foreign',
  foreign: 'foreign',
};

export const flagWords: Record<string, PersonFlag> = {
  留守老人: 'leftBehindElderly',
  留守儿童: 'leftBehindChild',
  留守妇女: 'leftBehindWoman',
  残疾人: 'disabled',
  低保: 'lowIncome',
  低保户: 'lowIncome',
  特困: 'extremePoverty',
  特困人员: 'extremePoverty',
  独居: 'livingAlone',
  独居老人: 'livingAlone',
  退役军人: 'veteran',
};

export const idTypeWords: Record<string, IdType> = {
  居民身份证: 'residentId',
  身份证: 'residentId',
  港澳台居民居住证: 'residencePermit',
  居住证: 'residencePermit',
  外国人永久居留身份证: 'foreignPermanentId',
  外国人永久居留证: 'foreignPermanentId',
  永久居留身份证: 'foreignPermanentId',
  护照: 'passport',
  港澳居民来往内地通行证: 'travelPermit',
  台湾居民来往大陆通行证: 'travelPermit',
  往来内地通行证: 'travelPermit',
  通行证: 'travelPermit',
  台胞证: 'travelPermit',
  回乡证: 'travelPermit',
};

export const sexWords: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', male: 'male', female: 'female' };

/** Dates as typed: 1990-01-01, 1990/1/1, 1990.1.1, 19900101, or an Excel date. */
export function parseDate(raw: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Maps header text to the people columns; reports missing required and unknown headers. */
export const mapHeaders = (headers: string[]) => mapColumns(peopleColumns, headers);
