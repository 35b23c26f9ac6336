/**
 * Deterministic randomness for the demo county: the same seed value gives the same county, names
 * and numbers on every machine.
 */
export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0 || 0x9e3779b9;
  }
  /** mulberry32: small, fast, good enough for synthetic data (not for secrets). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// Common surnames of Hunan, weighted by repetition; given-name characters typical of rural names.
const SURNAMES =
  '李李李王王张张刘刘陈陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强春梅红梅德胜国华金凤玉兰海燕小红晓明文军卫东立新丽萍凤英秋菊桂兰淑珍';
const GIVEN_CHARS = [...new Set(GIVEN)];

export function chineseName(r: Random): string {
  const surname = r.pick([...SURNAMES]);
  const len = r.chance(0.7) ? 2 : 1;
  let given = '';
  for (let i = 0; i < len; i++) given += r.pick(GIVEN_CHARS);
  return surname + given;
}

export function mobile(r: Random): string {
  const prefix = r.pick([
    '133',
    '135',
    '136',
    '138',
    '139',
    '150',
    '151',
    '153',
    '155',
    '157',
    '158',
    '173',
    '177',
    '180',
    '181',
    '186',
    '187',
    '189',
    '199',
  ]);
  return prefix + String(r.int(0, 99_999_999)).padStart(8, '0');
}
