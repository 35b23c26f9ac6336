/** County bureaus and township stations the demo county dispatches tickets to. */
export const countyBureaus = [
  ['GA', '县公安局'],
  ['SF', '县司法局'],
  ['XF', '县信访局'],
  ['SL', '县水利局'],
  ['NY', '县农业农村局'],
  ['CZ', '县财政局'],
  ['ZR', '县自然资源局'],
  ['ZJ', '县住房和城乡建设局'],
  ['YJ', '县应急管理局'],
  ['HB', '市生态环境局湘阴分局'],
  ['WJ', '县卫生健康局'],
  ['MZ', '县民政局'],
  ['RS', '县人力资源和社会保障局'],
  ['JY', '县教育局'],
  ['JT', '县交通运输局'],
  ['SJ', '县市场监督管理局'],
  ['CG', '县城市管理和综合执法局'],
] as const;

export const townshipStations = [
  ['PCS', '派出所'],
  ['SFS', '司法所'],
  ['ZZ', '综治中心'],
  ['NJ', '农业综合服务中心'],
  ['SG', '水利站'],
  ['CZS', '财政所'],
] as const;
