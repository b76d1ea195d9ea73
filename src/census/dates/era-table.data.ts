// The reign-era (年号) table and the dynasty spans used to normalise edition dates.
// Pure data, no logic. Names are in simplified characters; traditional forms are mapped by
// the normaliser, so `aliases` only holds genuinely different names (太和 for 大和, 祥符 …).
//
// `start` is the Gregorian year of the era's 元年 and `end` the last Gregorian year in which
// the era was still current, so N年 of an era is start + N − 1 and the era has end − start + 1
// years. Eras usually changed in mid-year, so an era often ends in the year its successor
// starts (显庆 656–661, 龙朔 661–663). Years are the usual ones of the standard tables
// (中国历史纪年表): a lunar year is given as the Gregorian year in which most of it fell.
// When a dated document shows an era was still used in a year the tables end differently
// (景泰八年, 大业十四年, 久视二年), the era is counted to that year so that genuine dates
// are not rejected.

/** One reign era (年号) of one regime. */
export interface EraEntry {
  readonly dynasty: string;
  readonly era: string;
  /** Gregorian year of the era's first year (元年). */
  readonly start: number;
  /** Last Gregorian year in which the era was current. */
  readonly end: number;
  /** Other names of the same era (simplified characters). */
  readonly aliases?: readonly string[];
  /** First era year valid under this regime when it continued another regime's count (后汉 天福 from 十二年). */
  readonly firstYear?: number;
  /**
   * A ruler's regnal count without an era name (蒙古憲宗六年): read only right after its dynasty,
   * because the name alone (太宗, 宪宗) is an ordinary temple name of many dynasties.
   */
  readonly regnal?: boolean;
}

/** A dynasty or regime with the years it is taken to cover. */
export interface DynastySpan {
  readonly dynasty: string;
  readonly start: number;
  readonly end: number;
  /** Other names a statement may use for it (大清, 契丹 …). */
  readonly aliases?: readonly string[];
  /** Era-table dynasties a statement naming this dynasty may refer to (宋 → 北宋, 南宋); defaults to itself. */
  readonly eraDynasties?: readonly string[];
}

/** Every reign era known to the normaliser, grouped by regime, in chronological order. */
export const ERA_TABLE: readonly EraEntry[] = [
  // 南朝梁 (502–557). 大通 is the era of the known value 梁大通二年 = 528.
  { dynasty: '梁', era: '天监', start: 502, end: 519 },
  { dynasty: '梁', era: '普通', start: 520, end: 527 },
  { dynasty: '梁', era: '大通', start: 527, end: 529 },
  { dynasty: '梁', era: '中大通', start: 529, end: 534 },
  { dynasty: '梁', era: '大同', start: 535, end: 546 },
  { dynasty: '梁', era: '中大同', start: 546, end: 547 },
  { dynasty: '梁', era: '太清', start: 547, end: 549 },
  { dynasty: '梁', era: '大宝', start: 550, end: 551 },
  { dynasty: '梁', era: '承圣', start: 552, end: 555 },
  { dynasty: '梁', era: '天成', start: 555, end: 555 },
  { dynasty: '梁', era: '绍泰', start: 555, end: 556 },
  { dynasty: '梁', era: '太平', start: 556, end: 557 },

  // 隋. 义宁 (恭帝侑, Chang'an) and 皇泰 (恭帝侗, Luoyang) ran in parallel with 大业十三/十四年 (Jiangdu).
  { dynasty: '隋', era: '开皇', start: 581, end: 600 },
  { dynasty: '隋', era: '仁寿', start: 601, end: 604 },
  { dynasty: '隋', era: '大业', start: 605, end: 618 },
  { dynasty: '隋', era: '义宁', start: 617, end: 618 },
  { dynasty: '隋', era: '皇泰', start: 618, end: 619 },

  // 唐, including the eras of 武则天 (武周 690–705), which catalogues date as 唐. Two eras are named 上元 (高宗 674, 肃宗 760): a bare 唐上元 is ambiguous. 天宝 counted 载 instead of 年 from 天宝三载.
  { dynasty: '唐', era: '武德', start: 618, end: 626 },
  { dynasty: '唐', era: '贞观', start: 627, end: 649 },
  { dynasty: '唐', era: '永徽', start: 650, end: 655 },
  { dynasty: '唐', era: '显庆', start: 656, end: 661 },
  { dynasty: '唐', era: '龙朔', start: 661, end: 663 },
  { dynasty: '唐', era: '麟德', start: 664, end: 665 },
  { dynasty: '唐', era: '乾封', start: 666, end: 668 },
  { dynasty: '唐', era: '总章', start: 668, end: 670 },
  { dynasty: '唐', era: '咸亨', start: 670, end: 674 },
  { dynasty: '唐', era: '上元', start: 674, end: 676 },
  { dynasty: '唐', era: '仪凤', start: 676, end: 679 },
  { dynasty: '唐', era: '调露', start: 679, end: 680 },
  { dynasty: '唐', era: '永隆', start: 680, end: 681 },
  { dynasty: '唐', era: '开耀', start: 681, end: 682 },
  { dynasty: '唐', era: '永淳', start: 682, end: 683 },
  { dynasty: '唐', era: '弘道', start: 683, end: 683 },
  { dynasty: '唐', era: '嗣圣', start: 684, end: 684 },
  { dynasty: '唐', era: '文明', start: 684, end: 684 },
  { dynasty: '唐', era: '光宅', start: 684, end: 684 },
  { dynasty: '唐', era: '垂拱', start: 685, end: 688 },
  { dynasty: '唐', era: '永昌', start: 689, end: 689 },
  { dynasty: '唐', era: '载初', start: 690, end: 690 },
  { dynasty: '唐', era: '天授', start: 690, end: 692 },
  { dynasty: '唐', era: '如意', start: 692, end: 692 },
  { dynasty: '唐', era: '长寿', start: 692, end: 694 },
  { dynasty: '唐', era: '延载', start: 694, end: 694 },
  { dynasty: '唐', era: '证圣', start: 695, end: 695 },
  { dynasty: '唐', era: '天册万岁', start: 695, end: 696 },
  { dynasty: '唐', era: '万岁登封', start: 696, end: 696 },
  { dynasty: '唐', era: '万岁通天', start: 696, end: 697 },
  { dynasty: '唐', era: '神功', start: 697, end: 697 },
  { dynasty: '唐', era: '圣历', start: 698, end: 700 },
  { dynasty: '唐', era: '久视', start: 700, end: 701 },
  { dynasty: '唐', era: '大足', start: 701, end: 701 },
  { dynasty: '唐', era: '长安', start: 701, end: 704 },
  { dynasty: '唐', era: '神龙', start: 705, end: 707 },
  { dynasty: '唐', era: '景龙', start: 707, end: 710 },
  { dynasty: '唐', era: '唐隆', start: 710, end: 710 },
  { dynasty: '唐', era: '景云', start: 710, end: 711 },
  { dynasty: '唐', era: '太极', start: 712, end: 712 },
  { dynasty: '唐', era: '延和', start: 712, end: 712 },
  { dynasty: '唐', era: '先天', start: 712, end: 713 },
  { dynasty: '唐', era: '开元', start: 713, end: 741 },
  { dynasty: '唐', era: '天宝', start: 742, end: 756 },
  { dynasty: '唐', era: '至德', start: 756, end: 758 },
  { dynasty: '唐', era: '乾元', start: 758, end: 760 },
  { dynasty: '唐', era: '上元', start: 760, end: 761 },
  { dynasty: '唐', era: '宝应', start: 762, end: 763 },
  { dynasty: '唐', era: '广德', start: 763, end: 764 },
  { dynasty: '唐', era: '永泰', start: 765, end: 766 },
  { dynasty: '唐', era: '大历', start: 766, end: 779 },
  { dynasty: '唐', era: '建中', start: 780, end: 783 },
  { dynasty: '唐', era: '兴元', start: 784, end: 784 },
  { dynasty: '唐', era: '贞元', start: 785, end: 805 },
  { dynasty: '唐', era: '永贞', start: 805, end: 805 },
  { dynasty: '唐', era: '元和', start: 806, end: 820 },
  { dynasty: '唐', era: '长庆', start: 821, end: 824 },
  { dynasty: '唐', era: '宝历', start: 825, end: 827 },
  { dynasty: '唐', era: '大和', start: 827, end: 835, aliases: ['太和'] },
  { dynasty: '唐', era: '开成', start: 836, end: 840 },
  { dynasty: '唐', era: '会昌', start: 841, end: 846 },
  { dynasty: '唐', era: '大中', start: 847, end: 860 },
  { dynasty: '唐', era: '咸通', start: 860, end: 874 },
  { dynasty: '唐', era: '乾符', start: 874, end: 879 },
  { dynasty: '唐', era: '广明', start: 880, end: 881 },
  { dynasty: '唐', era: '中和', start: 881, end: 885 },
  { dynasty: '唐', era: '光启', start: 885, end: 888 },
  { dynasty: '唐', era: '文德', start: 888, end: 888 },
  { dynasty: '唐', era: '龙纪', start: 889, end: 889 },
  { dynasty: '唐', era: '大顺', start: 890, end: 891 },
  { dynasty: '唐', era: '景福', start: 892, end: 893 },
  { dynasty: '唐', era: '乾宁', start: 894, end: 898 },
  { dynasty: '唐', era: '光化', start: 898, end: 901 },
  { dynasty: '唐', era: '天复', start: 901, end: 904 },
  { dynasty: '唐', era: '天祐', start: 904, end: 907 },

  // 五代: 后梁. 凤历 was 朱友珪's few months in 913, inside 乾化 (restored by 朱友贞).
  { dynasty: '后梁', era: '开平', start: 907, end: 911 },
  { dynasty: '后梁', era: '乾化', start: 911, end: 915 },
  { dynasty: '后梁', era: '凤历', start: 913, end: 913 },
  { dynasty: '后梁', era: '贞明', start: 915, end: 921 },
  { dynasty: '后梁', era: '龙德', start: 921, end: 923 },

  // 五代: 后唐.
  { dynasty: '后唐', era: '同光', start: 923, end: 926 },
  { dynasty: '后唐', era: '天成', start: 926, end: 930 },
  { dynasty: '后唐', era: '长兴', start: 930, end: 933 },
  { dynasty: '后唐', era: '应顺', start: 934, end: 934 },
  { dynasty: '后唐', era: '清泰', start: 934, end: 936 },

  // 五代: 后晋.
  { dynasty: '后晋', era: '天福', start: 936, end: 944 },
  { dynasty: '后晋', era: '开运', start: 944, end: 946 },

  // 五代: 后汉. 刘知远 kept counting 后晋's 天福 (天福十二年 = 947), so 天福 under 后汉 is only valid from year 12.
  { dynasty: '后汉', era: '天福', start: 936, end: 947, firstYear: 12 },
  { dynasty: '后汉', era: '乾祐', start: 948, end: 950 },

  // 五代: 后周.
  { dynasty: '后周', era: '广顺', start: 951, end: 953 },
  { dynasty: '后周', era: '显德', start: 954, end: 960 },

  // 十国: 前蜀.
  { dynasty: '前蜀', era: '武成', start: 908, end: 910 },
  { dynasty: '前蜀', era: '永平', start: 911, end: 915 },
  { dynasty: '前蜀', era: '通正', start: 916, end: 916 },
  { dynasty: '前蜀', era: '天汉', start: 917, end: 917 },
  { dynasty: '前蜀', era: '光天', start: 918, end: 918 },
  { dynasty: '前蜀', era: '乾德', start: 919, end: 924 },
  { dynasty: '前蜀', era: '咸康', start: 925, end: 925 },

  // 十国: 后蜀.
  { dynasty: '后蜀', era: '明德', start: 934, end: 937 },
  { dynasty: '后蜀', era: '广政', start: 938, end: 965 },

  // 十国: 南唐. After 交泰 (958) 南唐 used the eras of 后周 and 宋.
  { dynasty: '南唐', era: '升元', start: 937, end: 943, aliases: ['昇元'] },
  { dynasty: '南唐', era: '保大', start: 943, end: 957 },
  { dynasty: '南唐', era: '中兴', start: 958, end: 958 },
  { dynasty: '南唐', era: '交泰', start: 958, end: 958 },

  // 十国: 吴越. 钱镠's own eras; the span of 天宝 is disputed in the sources (some end it in 912).
  { dynasty: '吴越', era: '天宝', start: 908, end: 923 },
  { dynasty: '吴越', era: '宝大', start: 924, end: 925 },
  { dynasty: '吴越', era: '宝正', start: 926, end: 931 },

  // 北宋.
  { dynasty: '北宋', era: '建隆', start: 960, end: 963 },
  { dynasty: '北宋', era: '乾德', start: 963, end: 968 },
  { dynasty: '北宋', era: '开宝', start: 968, end: 976 },
  { dynasty: '北宋', era: '太平兴国', start: 976, end: 984 },
  { dynasty: '北宋', era: '雍熙', start: 984, end: 987 },
  { dynasty: '北宋', era: '端拱', start: 988, end: 989 },
  { dynasty: '北宋', era: '淳化', start: 990, end: 994 },
  { dynasty: '北宋', era: '至道', start: 995, end: 997 },
  { dynasty: '北宋', era: '咸平', start: 998, end: 1003 },
  { dynasty: '北宋', era: '景德', start: 1004, end: 1007 },
  { dynasty: '北宋', era: '大中祥符', start: 1008, end: 1016, aliases: ['祥符'] },
  { dynasty: '北宋', era: '天禧', start: 1017, end: 1021 },
  { dynasty: '北宋', era: '乾兴', start: 1022, end: 1022 },
  { dynasty: '北宋', era: '天圣', start: 1023, end: 1032 },
  { dynasty: '北宋', era: '明道', start: 1032, end: 1033 },
  { dynasty: '北宋', era: '景祐', start: 1034, end: 1038 },
  { dynasty: '北宋', era: '宝元', start: 1038, end: 1040 },
  { dynasty: '北宋', era: '康定', start: 1040, end: 1041 },
  { dynasty: '北宋', era: '庆历', start: 1041, end: 1048 },
  { dynasty: '北宋', era: '皇祐', start: 1049, end: 1054 },
  { dynasty: '北宋', era: '至和', start: 1054, end: 1056 },
  { dynasty: '北宋', era: '嘉祐', start: 1056, end: 1063 },
  { dynasty: '北宋', era: '治平', start: 1064, end: 1067 },
  { dynasty: '北宋', era: '熙宁', start: 1068, end: 1077 },
  { dynasty: '北宋', era: '元丰', start: 1078, end: 1085 },
  { dynasty: '北宋', era: '元祐', start: 1086, end: 1094 },
  { dynasty: '北宋', era: '绍圣', start: 1094, end: 1098 },
  { dynasty: '北宋', era: '元符', start: 1098, end: 1100 },
  { dynasty: '北宋', era: '建中靖国', start: 1101, end: 1101 },
  { dynasty: '北宋', era: '崇宁', start: 1102, end: 1106 },
  { dynasty: '北宋', era: '大观', start: 1107, end: 1110 },
  { dynasty: '北宋', era: '政和', start: 1111, end: 1118 },
  { dynasty: '北宋', era: '重和', start: 1118, end: 1119 },
  { dynasty: '北宋', era: '宣和', start: 1119, end: 1125 },
  { dynasty: '北宋', era: '靖康', start: 1126, end: 1127 },

  // 南宋.
  { dynasty: '南宋', era: '建炎', start: 1127, end: 1130 },
  { dynasty: '南宋', era: '绍兴', start: 1131, end: 1162 },
  { dynasty: '南宋', era: '隆兴', start: 1163, end: 1164 },
  { dynasty: '南宋', era: '乾道', start: 1165, end: 1173 },
  { dynasty: '南宋', era: '淳熙', start: 1174, end: 1189 },
  { dynasty: '南宋', era: '绍熙', start: 1190, end: 1194 },
  { dynasty: '南宋', era: '庆元', start: 1195, end: 1200 },
  { dynasty: '南宋', era: '嘉泰', start: 1201, end: 1204 },
  { dynasty: '南宋', era: '开禧', start: 1205, end: 1207 },
  { dynasty: '南宋', era: '嘉定', start: 1208, end: 1224 },
  { dynasty: '南宋', era: '宝庆', start: 1225, end: 1227 },
  { dynasty: '南宋', era: '绍定', start: 1228, end: 1233 },
  { dynasty: '南宋', era: '端平', start: 1234, end: 1236 },
  { dynasty: '南宋', era: '嘉熙', start: 1237, end: 1240 },
  { dynasty: '南宋', era: '淳祐', start: 1241, end: 1252 },
  { dynasty: '南宋', era: '宝祐', start: 1253, end: 1258 },
  { dynasty: '南宋', era: '开庆', start: 1259, end: 1259 },
  { dynasty: '南宋', era: '景定', start: 1260, end: 1264 },
  { dynasty: '南宋', era: '咸淳', start: 1265, end: 1274 },
  { dynasty: '南宋', era: '德祐', start: 1275, end: 1276 },
  { dynasty: '南宋', era: '景炎', start: 1276, end: 1278 },
  { dynasty: '南宋', era: '祥兴', start: 1278, end: 1279 },

  // 辽 (契丹), parallel to 五代 and 北宋.
  { dynasty: '辽', era: '神册', start: 916, end: 922 },
  { dynasty: '辽', era: '天赞', start: 922, end: 926 },
  { dynasty: '辽', era: '天显', start: 926, end: 938 },
  { dynasty: '辽', era: '会同', start: 938, end: 947 },
  { dynasty: '辽', era: '大同', start: 947, end: 947 },
  { dynasty: '辽', era: '天禄', start: 947, end: 951 },
  { dynasty: '辽', era: '应历', start: 951, end: 969 },
  { dynasty: '辽', era: '保宁', start: 969, end: 979 },
  { dynasty: '辽', era: '乾亨', start: 979, end: 983 },
  { dynasty: '辽', era: '统和', start: 983, end: 1012 },
  { dynasty: '辽', era: '开泰', start: 1012, end: 1021 },
  { dynasty: '辽', era: '太平', start: 1021, end: 1031 },
  { dynasty: '辽', era: '景福', start: 1031, end: 1032 },
  { dynasty: '辽', era: '重熙', start: 1032, end: 1055 },
  { dynasty: '辽', era: '清宁', start: 1055, end: 1064 },
  { dynasty: '辽', era: '咸雍', start: 1065, end: 1074 },
  { dynasty: '辽', era: '大康', start: 1075, end: 1084, aliases: ['太康'] },
  { dynasty: '辽', era: '大安', start: 1085, end: 1094 },
  { dynasty: '辽', era: '寿昌', start: 1095, end: 1101, aliases: ['寿隆'] },
  { dynasty: '辽', era: '乾统', start: 1101, end: 1110 },
  { dynasty: '辽', era: '天庆', start: 1111, end: 1120 },
  { dynasty: '辽', era: '保大', start: 1121, end: 1125 },

  // 西夏, parallel to 北宋/南宋 and 金. Only from 天祐民安 (1090): the earlier eras are dated differently by different sources (e.g. 天仪治平 1086 or 1087), so they are left out rather than guessed.
  { dynasty: '西夏', era: '天祐民安', start: 1090, end: 1097 },
  { dynasty: '西夏', era: '永安', start: 1098, end: 1100 },
  { dynasty: '西夏', era: '贞观', start: 1101, end: 1113 },
  { dynasty: '西夏', era: '雍宁', start: 1114, end: 1118 },
  { dynasty: '西夏', era: '元德', start: 1119, end: 1127 },
  { dynasty: '西夏', era: '正德', start: 1127, end: 1134 },
  { dynasty: '西夏', era: '大德', start: 1135, end: 1139 },
  { dynasty: '西夏', era: '大庆', start: 1140, end: 1143 },
  { dynasty: '西夏', era: '人庆', start: 1144, end: 1148 },
  { dynasty: '西夏', era: '天盛', start: 1149, end: 1169 },
  { dynasty: '西夏', era: '乾祐', start: 1170, end: 1193 },
  { dynasty: '西夏', era: '天庆', start: 1194, end: 1206 },
  { dynasty: '西夏', era: '应天', start: 1206, end: 1209 },
  { dynasty: '西夏', era: '皇建', start: 1210, end: 1211 },
  { dynasty: '西夏', era: '光定', start: 1211, end: 1223 },
  { dynasty: '西夏', era: '乾定', start: 1223, end: 1226 },
  { dynasty: '西夏', era: '宝义', start: 1226, end: 1227 },

  // 金, parallel to 北宋/南宋.
  { dynasty: '金', era: '收国', start: 1115, end: 1116 },
  { dynasty: '金', era: '天辅', start: 1117, end: 1123 },
  { dynasty: '金', era: '天会', start: 1123, end: 1137 },
  { dynasty: '金', era: '天眷', start: 1138, end: 1140 },
  { dynasty: '金', era: '皇统', start: 1141, end: 1149 },
  { dynasty: '金', era: '天德', start: 1149, end: 1153 },
  { dynasty: '金', era: '贞元', start: 1153, end: 1156 },
  { dynasty: '金', era: '正隆', start: 1156, end: 1161 },
  { dynasty: '金', era: '大定', start: 1161, end: 1189 },
  { dynasty: '金', era: '明昌', start: 1190, end: 1196 },
  { dynasty: '金', era: '承安', start: 1196, end: 1200 },
  { dynasty: '金', era: '泰和', start: 1201, end: 1208 },
  { dynasty: '金', era: '大安', start: 1209, end: 1211 },
  { dynasty: '金', era: '崇庆', start: 1212, end: 1213 },
  { dynasty: '金', era: '至宁', start: 1213, end: 1213 },
  { dynasty: '金', era: '贞祐', start: 1213, end: 1217 },
  { dynasty: '金', era: '兴定', start: 1217, end: 1222 },
  { dynasty: '金', era: '元光', start: 1222, end: 1223 },
  { dynasty: '金', era: '正大', start: 1224, end: 1231 },
  { dynasty: '金', era: '开兴', start: 1232, end: 1232 },
  { dynasty: '金', era: '天兴', start: 1232, end: 1234 },

  // 伪齐 (刘豫, set up by 金): one era, 阜昌元年 = 1130 (南宋 建炎四年) to its abolition in 1137.
  { dynasty: '伪齐', era: '阜昌', start: 1130, end: 1137 },

  // 高昌 under the 麴 family (501–640): eras as in the Turfan documents (延昌, 延寿 …); 延寿十七年 = 640, when 唐 took 高昌.
  { dynasty: '高昌', era: '章和', start: 531, end: 548 },
  { dynasty: '高昌', era: '永平', start: 549, end: 550 },
  { dynasty: '高昌', era: '和平', start: 551, end: 554 },
  { dynasty: '高昌', era: '建昌', start: 555, end: 560 },
  { dynasty: '高昌', era: '延昌', start: 561, end: 601 },
  { dynasty: '高昌', era: '延和', start: 602, end: 613 },
  { dynasty: '高昌', era: '义和', start: 614, end: 619 },
  { dynasty: '高昌', era: '重光', start: 620, end: 623 },
  { dynasty: '高昌', era: '延寿', start: 624, end: 640 },

  // 大理国 (段氏, 937–1253). Its eras are known mainly from colophons and inscriptions and several are
  // disputed; only eras whose first year the chronologies agree on are listed (so the 段氏 line has
  // gaps: an era missing here leaves a statement at dynasty precision instead of a guessed year).
  // 盛德五年 = 1180 is the date of 张胜温's 梵像卷.
  { dynasty: '大理', era: '保安', start: 1045, end: 1052 },
  { dynasty: '大理', era: '上德', start: 1076, end: 1076 },
  { dynasty: '大理', era: '广安', start: 1077, end: 1080 },
  { dynasty: '大理', era: '上明', start: 1081, end: 1081 },
  { dynasty: '大理', era: '天授', start: 1096, end: 1096 },
  { dynasty: '大理', era: '开明', start: 1097, end: 1102 },
  { dynasty: '大理', era: '天正', start: 1103, end: 1104 },
  { dynasty: '大理', era: '文安', start: 1105, end: 1108 },
  { dynasty: '大理', era: '日新', start: 1109, end: 1109 },
  { dynasty: '大理', era: '文治', start: 1110, end: 1118 },
  { dynasty: '大理', era: '保天', start: 1129, end: 1136 },
  { dynasty: '大理', era: '永贞', start: 1148, end: 1148 },
  { dynasty: '大理', era: '大宝', start: 1149, end: 1155 },
  { dynasty: '大理', era: '利贞', start: 1172, end: 1175 },
  { dynasty: '大理', era: '盛德', start: 1176, end: 1180 },
  { dynasty: '大理', era: '嘉会', start: 1181, end: 1184 },
  { dynasty: '大理', era: '元亨', start: 1185, end: 1195 },
  { dynasty: '大理', era: '天开', start: 1205, end: 1225 },
  { dynasty: '大理', era: '天辅', start: 1226, end: 1226 },
  { dynasty: '大理', era: '仁寿', start: 1227, end: 1238 },
  { dynasty: '大理', era: '道隆', start: 1239, end: 1251 },
  { dynasty: '大理', era: '天定', start: 1252, end: 1254 },

  // 大蒙古国 before 中统: the khans had no era names, and documents count the ruler's years from his
  // accession (蒙古憲宗六年 = 1256, 乃馬真后元年 = 1242). 定宗 died in 1248; 定宗四年 (1249, 晦明轩
  // 本草) is attested and comes out as a year past the end, with a warning.
  { dynasty: '蒙古', era: '太祖', start: 1206, end: 1227, regnal: true },
  { dynasty: '蒙古', era: '太宗', start: 1229, end: 1241, regnal: true },
  { dynasty: '蒙古', era: '乃马真后', start: 1242, end: 1245, regnal: true, aliases: ['乃马真皇后'] },
  { dynasty: '蒙古', era: '定宗', start: 1246, end: 1248, regnal: true },
  { dynasty: '蒙古', era: '海迷失后', start: 1249, end: 1250, regnal: true },
  { dynasty: '蒙古', era: '宪宗', start: 1251, end: 1259, regnal: true },

  // 元, including 世祖's 中统 (before the name 大元 in 1271). 天顺 (阿速吉八, Shangdu) ran in parallel with 天历 in 1328. The second 至元 is catalogued as 后至元. 至正 is counted to its 30th year (1370), when 顺帝 died in the north.
  { dynasty: '元', era: '中统', start: 1260, end: 1264 },
  { dynasty: '元', era: '至元', start: 1264, end: 1294 },
  { dynasty: '元', era: '元贞', start: 1295, end: 1297 },
  { dynasty: '元', era: '大德', start: 1297, end: 1307 },
  { dynasty: '元', era: '至大', start: 1308, end: 1311 },
  { dynasty: '元', era: '皇庆', start: 1312, end: 1313 },
  { dynasty: '元', era: '延祐', start: 1314, end: 1320 },
  { dynasty: '元', era: '至治', start: 1321, end: 1323 },
  { dynasty: '元', era: '泰定', start: 1324, end: 1328 },
  { dynasty: '元', era: '致和', start: 1328, end: 1328 },
  { dynasty: '元', era: '天顺', start: 1328, end: 1328 },
  { dynasty: '元', era: '天历', start: 1328, end: 1330 },
  { dynasty: '元', era: '至顺', start: 1330, end: 1333 },
  { dynasty: '元', era: '元统', start: 1333, end: 1335 },
  { dynasty: '元', era: '后至元', start: 1335, end: 1340 },
  { dynasty: '元', era: '至正', start: 1341, end: 1370 },

  // 北元: the 元 court in Mongolia after 1368 kept era names for two reigns.
  { dynasty: '北元', era: '宣光', start: 1371, end: 1378 },
  { dynasty: '北元', era: '天元', start: 1379, end: 1388 },

  // 明.
  { dynasty: '明', era: '洪武', start: 1368, end: 1398 },
  { dynasty: '明', era: '建文', start: 1399, end: 1402 },
  { dynasty: '明', era: '永乐', start: 1403, end: 1424 },
  { dynasty: '明', era: '洪熙', start: 1425, end: 1425 },
  { dynasty: '明', era: '宣德', start: 1426, end: 1435 },
  { dynasty: '明', era: '正统', start: 1436, end: 1449 },
  { dynasty: '明', era: '景泰', start: 1450, end: 1457 },
  { dynasty: '明', era: '天顺', start: 1457, end: 1464 },
  { dynasty: '明', era: '成化', start: 1465, end: 1487 },
  { dynasty: '明', era: '弘治', start: 1488, end: 1505 },
  { dynasty: '明', era: '正德', start: 1506, end: 1521 },
  { dynasty: '明', era: '嘉靖', start: 1522, end: 1566 },
  { dynasty: '明', era: '隆庆', start: 1567, end: 1572 },
  { dynasty: '明', era: '万历', start: 1573, end: 1620 },
  { dynasty: '明', era: '泰昌', start: 1620, end: 1620 },
  { dynasty: '明', era: '天启', start: 1621, end: 1627 },
  { dynasty: '明', era: '崇祯', start: 1628, end: 1644 },

  // 南明 (a dynasty of its own here; catalogues often write 明永曆 …). 永历 is counted to 1683 because 明郑 in Taiwan kept the count (永历三十七年).
  { dynasty: '南明', era: '弘光', start: 1645, end: 1645 },
  { dynasty: '南明', era: '隆武', start: 1645, end: 1646 },
  { dynasty: '南明', era: '绍武', start: 1646, end: 1646 },
  { dynasty: '南明', era: '永历', start: 1647, end: 1683 },

  // 后金 (the 清 before 1636), parallel to 明.
  { dynasty: '后金', era: '天命', start: 1616, end: 1626 },
  { dynasty: '后金', era: '天聪', start: 1627, end: 1636 },

  // 清, from 崇德 (国号 大清, 1636); 清 eras before 1644 run in parallel with 明.
  { dynasty: '清', era: '崇德', start: 1636, end: 1643 },
  { dynasty: '清', era: '顺治', start: 1644, end: 1661 },
  { dynasty: '清', era: '康熙', start: 1662, end: 1722 },
  { dynasty: '清', era: '雍正', start: 1723, end: 1735 },
  { dynasty: '清', era: '乾隆', start: 1736, end: 1795 },
  { dynasty: '清', era: '嘉庆', start: 1796, end: 1820 },
  { dynasty: '清', era: '道光', start: 1821, end: 1850 },
  { dynasty: '清', era: '咸丰', start: 1851, end: 1861 },
  { dynasty: '清', era: '同治', start: 1862, end: 1874 },
  { dynasty: '清', era: '光绪', start: 1875, end: 1908 },
  { dynasty: '清', era: '宣统', start: 1909, end: 1911 },

  // 太平天国 counted its own years (辛开元年 = 1851 … 甲子十四年 = 1864), written 太平天国X年.
  { dynasty: '太平天国', era: '太平天国', start: 1851, end: 1864 },

  // 民国: 民国N年 = 1911 + N. Counted to 1949, the end of the 民国 census range.
  { dynasty: '民国', era: '民国', start: 1912, end: 1949 },
];

/** Spans for dynasty-only and period statements (清抄本, 南宋中期, 明末清初). */
export const DYNASTY_SPANS: readonly DynastySpan[] = [
  // Regimes before 唐 without eras in the table: a statement naming them gets dynasty precision.
  // Single-character names that are also surnames or places (晋, 陈, 齐) are only taken in their
  // unambiguous two-character forms.
  { dynasty: '西晋', start: 265, end: 316 },
  { dynasty: '东晋', start: 317, end: 420 },
  { dynasty: '北凉', start: 397, end: 460 },
  { dynasty: '北魏', start: 386, end: 534, aliases: ['元魏', '后魏'] },
  { dynasty: '南朝宋', start: 420, end: 479, aliases: ['刘宋'] },
  { dynasty: '南齐', start: 479, end: 502, aliases: ['南朝齐', '萧齐'] },
  { dynasty: '梁', start: 502, end: 557, aliases: ['南朝梁', '萧梁'], eraDynasties: ['梁', '后梁'] },
  { dynasty: '东魏', start: 534, end: 550 },
  { dynasty: '西魏', start: 535, end: 556 },
  { dynasty: '北齐', start: 550, end: 577 },
  { dynasty: '北周', start: 557, end: 581 },
  { dynasty: '南朝陈', start: 557, end: 589, aliases: ['陈朝'] },
  { dynasty: '高昌', start: 501, end: 640, aliases: ['麴氏高昌'] },
  { dynasty: '隋', start: 581, end: 618 },
  { dynasty: '唐', start: 618, end: 907, aliases: ['李唐'] },
  { dynasty: '武周', start: 690, end: 705, eraDynasties: ['唐'] },
  {
    dynasty: '五代',
    start: 907,
    end: 960,
    aliases: ['五代十国'],
    eraDynasties: ['后梁', '后唐', '后晋', '后汉', '后周', '前蜀', '后蜀', '南唐', '吴越'],
  },
  { dynasty: '后梁', start: 907, end: 923 },
  { dynasty: '后唐', start: 923, end: 936 },
  { dynasty: '后晋', start: 936, end: 946 },
  { dynasty: '后汉', start: 947, end: 950 },
  { dynasty: '后周', start: 951, end: 960 },
  { dynasty: '前蜀', start: 907, end: 925 },
  { dynasty: '后蜀', start: 934, end: 965 },
  { dynasty: '南唐', start: 937, end: 975 },
  { dynasty: '吴越', start: 907, end: 978 },
  { dynasty: '宋', start: 960, end: 1279, aliases: ['大宋', '赵宋'], eraDynasties: ['北宋', '南宋'] },
  { dynasty: '北宋', start: 960, end: 1127 },
  { dynasty: '南宋', start: 1127, end: 1279 },
  { dynasty: '辽', start: 916, end: 1125, aliases: ['契丹', '大辽'] },
  { dynasty: '西夏', start: 1038, end: 1227, aliases: ['大夏'] },
  { dynasty: '大理', start: 937, end: 1253, aliases: ['大理国', '后理'] },
  { dynasty: '伪齐', start: 1130, end: 1137, aliases: ['刘齐'] },
  { dynasty: '金', start: 1115, end: 1234, aliases: ['大金'] },
  { dynasty: '蒙古', start: 1206, end: 1271, aliases: ['大蒙古国'], eraDynasties: ['蒙古', '元'] },
  { dynasty: '元', start: 1271, end: 1368, aliases: ['大元'], eraDynasties: ['元', '蒙古'] },
  { dynasty: '北元', start: 1368, end: 1388, eraDynasties: ['北元', '元'] },
  { dynasty: '明', start: 1368, end: 1644, aliases: ['大明'], eraDynasties: ['明', '南明'] },
  { dynasty: '南明', start: 1644, end: 1683 },
  { dynasty: '后金', start: 1616, end: 1636 },
  { dynasty: '清', start: 1644, end: 1911, aliases: ['大清'], eraDynasties: ['清', '后金'] },
  { dynasty: '太平天国', start: 1851, end: 1864 },
  { dynasty: '民国', start: 1912, end: 1949, aliases: ['中华民国'] },
];
