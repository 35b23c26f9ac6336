/**
 * The standard category tree every install starts with: seed 004's service items (基础信息采集,
 * 社情民意收集, 安全隐患排查, 矛盾纠纷化解, 社会心理服务, 法律法规宣传, 公共服务代办) and the common
 * problem types. Administrators edit it afterwards; `department` is the code suffix of a county
 * bureau (demo/departments.ts) linked when that department exists.
 */
export interface DefaultCategory {
  code: string;
  name: string;
  parent?: string;
  level?: 'grid' | 'village' | 'township' | 'county' | 'department';
  deadlineClass?: 'ordinary' | 'major';
  department?: string;
  radius?: number;
  allowSkip?: boolean;
  fields?: Record<string, unknown>;
}

const parties = {
  type: 'object',
  properties: {
    parties: { type: 'integer', minimum: 2, maximum: 500, title: '当事人数' },
    amount: { type: 'number', minimum: 0, title: '涉及金额（元）' },
  },
  required: ['parties'],
  additionalProperties: false,
};

export const defaultCategories: DefaultCategory[] = [
  { code: 'dispute', name: '矛盾纠纷化解', level: 'village' },
  {
    code: 'dispute.land',
    name: '土地及宅基地纠纷',
    parent: 'dispute',
    level: 'village',
    deadlineClass: 'major',
    department: 'ZR',
    radius: 300,
    fields: {
      type: 'object',
      properties: {
        parties: { type: 'integer', minimum: 2, maximum: 500, title: '当事人数' },
        areaMu: { type: 'number', minimum: 0, maximum: 100000, title: '涉及面积（亩）' },
      },
      required: ['parties'],
      additionalProperties: false,
    },
  },
  { code: 'dispute.neighbour', name: '邻里纠纷', parent: 'dispute', level: 'grid', radius: 100, fields: parties },
  { code: 'dispute.family', name: '婚姻家庭纠纷', parent: 'dispute', level: 'grid', radius: 50, fields: parties },
  { code: 'dispute.labour', name: '劳资纠纷', parent: 'dispute', level: 'township', department: 'RS', fields: parties },
  { code: 'hazard', name: '安全隐患排查', level: 'grid' },
  { code: 'hazard.fire', name: '消防安全隐患', parent: 'hazard', level: 'grid', department: 'YJ', radius: 100, allowSkip: true },
  {
    code: 'hazard.flood',
    name: '防汛安全隐患',
    parent: 'hazard',
    level: 'village',
    department: 'SL',
    radius: 500,
    allowSkip: true,
  },
  { code: 'hazard.traffic', name: '道路交通安全隐患', parent: 'hazard', level: 'township', department: 'JT', radius: 300 },
  { code: 'infra', name: '基础设施', level: 'township' },
  {
    code: 'infra.road',
    name: '道路桥梁',
    parent: 'infra',
    level: 'township',
    department: 'JT',
    radius: 300,
    fields: {
      type: 'object',
      properties: { roadName: { type: 'string', maxLength: 50, title: '道路或桥梁名称' } },
      additionalProperties: false,
    },
  },
  { code: 'infra.water', name: '供水', parent: 'infra', level: 'township', department: 'SL', radius: 500 },
  { code: 'environment', name: '环境卫生', level: 'village', department: 'HB', radius: 200 },
  { code: 'security', name: '社会治安', level: 'township', department: 'GA', radius: 200, allowSkip: true },
  { code: 'opinion', name: '社情民意收集', level: 'village', radius: 0 },
  { code: 'policy', name: '政策咨询', level: 'grid', radius: 0 },
  { code: 'proxy', name: '公共服务代办', level: 'grid', radius: 0 },
  { code: 'baseData', name: '基础信息采集', level: 'grid', radius: 0 },
  { code: 'psych', name: '社会心理服务', level: 'village', radius: 0 },
  { code: 'legal', name: '法律法规宣传', level: 'grid', radius: 0 },
];
