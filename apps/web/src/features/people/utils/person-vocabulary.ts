/**
 * Suggestions for the person form's free-text fields. They are stored values (the words of the
 * registers and of GB/T 4658 文化程度), not interface text: an official working in English still
 * records 汉族 and 初中, so they are not translated. Anything else may be typed.
 */
export const ETHNICITIES = [
  '汉族',
  '土家族',
  '苗族',
  '侗族',
  '瑶族',
  '回族',
  '壮族',
  '满族',
  '蒙古族',
  '藏族',
  '维吾尔族',
] as const;

export const EDUCATION = ['研究生', '本科', '大专', '中专', '高中', '初中', '小学', '文盲或半文盲'] as const;

export const RELATIONS = [
  '户主',
  '配偶',
  '子',
  '女',
  '父亲',
  '母亲',
  '孙子',
  '孙女',
  '兄弟姐妹',
  '儿媳',
  '女婿',
  '其他',
] as const;
