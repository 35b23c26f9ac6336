/**
 * One row of the file → the person's fields, or the reasons per column. Shared by CSV and .xlsx.
 */
import type { PersonFlag } from '@wangge/contracts';
import type { PersonFields } from '../person-rules.ts';
import { flagWords, idTypeWords, parseDate, peopleColumns, residenceTypeWords, sexWords, type ColumnKey } from './columns.ts';

export interface ParsedRow {
  fields: PersonFields;
  unitCode: string;
  householdId: number | undefined;
  problems: { column: string; message: string }[];
}

const headerOf = (key: ColumnKey) => peopleColumns.find((c) => c.key === key)!.header;

export function parseRow(cells: string[], index: Map<ColumnKey, number>): ParsedRow {
  const get = (key: ColumnKey) => {
    const i = index.get(key);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const problems: ParsedRow['problems'] = [];
  const bad = (key: ColumnKey, message: string) => problems.push({ column: headerOf(key), message });

  const sexText = get('sex');
  const sex = sexText ? sexWords[sexText] : undefined;
  if (sexText && !sex) bad('sex', '性别应为“男”或“女”');
  const birthText = get('birthDate');
  const birthDate = birthText ? parseDate(birthText) : undefined;
  if (birthText && !birthDate) bad('birthDate', '出生日期格式不对，应如 1990-01-31');
  const typeText = get('residenceType');
  const residenceType = residenceTypeWords[typeText];
  if (!typeText) bad('residenceType', '人口类型必填');
  else if (!residenceType) bad('residenceType', '人口类型应为 户籍人口、流动人口、未落户人口 或 境外人员');
  const flags: PersonFlag[] = [];
  for (const word of get('flags')
    .split(/[、,，;；\s]+/)
    .filter(Boolean)) {
    const f = flagWords[word];
    if (f) flags.push(f);
    else bad('flags', `不认识的关爱标识“${word}”`);
  }
  const idTypeText = get('idType');
  const idType = idTypeText ? idTypeWords[idTypeText] : 'residentId';
  if (!idType) bad('idType', '证件类型应为 居民身份证、港澳台居民居住证、外国人永久居留身份证、护照 或 往来内地通行证');
  const phone = get('phone');
  if (phone && !/^1[3-9][0-9]{9}$/.test(phone)) bad('phone', '联系电话应为11位手机号');
  const householdText = get('householdId');
  const householdId = householdText ? Number(householdText) : undefined;
  if (householdText && !(Number.isInteger(householdId) && householdId! > 0)) bad('householdId', '户编号应为正整数');
  const unitCode = get('unitCode');
  if (!unitCode) bad('unitCode', '所属单元编码必填');
  const name = get('name');
  if (!name) bad('name', '姓名必填');
  if (!get('idNumber')) bad('idNumber', '公民身份号码必填');

  return {
    fields: {
      name,
      idType: idType ?? 'residentId',
      idNumber: get('idNumber'),
      sex,
      birthDate: birthDate ?? undefined,
      ethnicity: get('ethnicity') || undefined,
      phone: phone || undefined,
      residenceType: residenceType ?? 'registered',
      education: get('education') || undefined,
      occupation: get('occupation') || undefined,
      relationToHead: get('relationToHead') || undefined,
      flags,
      address: get('address') || undefined,
    },
    unitCode,
    householdId: householdText ? householdId : undefined,
    problems,
  };
}

/** Turns a rule problem (English, from person-rules) into the column and a Chinese reason. */
const ruleWords: Record<string, string> = {
  'ID number must have 18 characters': '公民身份号码应为18位',
  'ID number must be 17 digits and a digit or X': '公民身份号码应为17位数字加1位数字或X',
  'ID number starts with an unknown region code': '公民身份号码的行政区划代码不存在',
  'ID number holds an impossible birth date': '公民身份号码中的出生日期不存在',
  'ID number holds a birth date in the future': '公民身份号码中的出生日期晚于今天',
  'ID number check character is wrong': '公民身份号码校验码错误',
  'name is required': '姓名必填',
  'residence permit number must start with 810000, 820000 or 830000': '港澳台居民居住证号码应以810000、820000或830000开头',
  'foreign permanent residence ID must be 9 and 16 digits and a digit or X, or 3 letters and 12 digits':
    '外国人永久居留身份证号码应为9开头的18位，或3位字母加12位数字',
  'passport number must be 5 to 17 letters or digits': '护照号码应为5至17位字母或数字',
  'travel permit number must be H or M and 8 or 10 digits, or 8 digits': '通行证号码应为H或M加8或10位数字，或8位数字',
  'this document is for people from outside the mainland (residence type foreign) only': '该证件类型仅用于境外人员',
  'sex is required with this document': '该证件不含性别，请填写性别',
  'birth date is required with this document': '该证件不含出生日期，请填写出生日期',
  'birth date is in the future': '出生日期晚于今天',
  'name is longer than 100 characters': '姓名超过100个字',
};

export function ruleProblem(field: string, message: string): { column: string; message: string } {
  const key = (field === 'idNumber' ? 'idNumber' : field) as ColumnKey;
  const known = peopleColumns.find((c) => c.key === key);
  let text = ruleWords[message] ?? message;
  if (message.startsWith('sex contradicts')) text = `性别与公民身份号码不符（应为${message.includes('female') ? '女' : '男'}）`;
  if (message.startsWith('birth date contradicts')) text = `出生日期与公民身份号码不符（应为${message.slice(-11, -1)}）`;
  return { column: known?.header ?? field, message: text };
}
