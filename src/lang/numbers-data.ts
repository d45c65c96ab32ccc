/**
 * Number knowledge as data, used by numbers.ts: Chinese numeral characters, measure words, words and names that
 * contain numeral characters without denoting a quantity, and English number words.
 *
 * Edit these lists rather than the code when a real text shows a false alarm: a Chinese word listed in
 * ZH_LEXICON is matched before any numeral rule (longest first) and yields only the weak mentions listed for it.
 */

/** Chinese digit characters → value. 两 is 2 in counts (两千, 两个); 〇 and 零 are 0. */
export const ZH_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
/** Units inside a section (十百千) and section multipliers (万, 亿). 廿/卅 are 20/30 shorthands. */
export const ZH_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
export const ZH_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
export const ZH_TENS_SHORTHAND: Readonly<Record<string, number>> = { 廿: 20, 卅: 30 };

/**
 * Measure words (量词) and counted nouns after which a lone 一 is the number one ("一项重要议题" = one item), though
 * weak: Chinese says 一个/一项 where English says "a".
 */
export const ZH_MEASURE_WORDS =
  '个项次种条位名家批场年天周届份件部座所台辆架艘只头匹张本篇句段层级类套组对双片块根支枝颗粒滴步轮期节章款顿番回遍趟阵声口人国道笔元吨米克亩斤倍成岁秒分环幅首册页行封栋间户员轴' +
  // Traditional forms (zh-TW, zh-HK)
  '個項種條場週屆張層級類組對雙顆輪節階陣聲國筆噸畝歲環冊頁棟間戶員軸輛隻';

/** A lone 一 followed by one of these starts a word, not a count (一点儿, 一些): no mention at all. */
export const ZH_MEASURE_EXCEPTIONS = ['一道', '一口气', '一次性', '一分为二', '一刻', '一步到位', '一头', '一行'];

/**
 * Words and names containing numeral characters. Value lists give weak mentions (the word may or may not be
 * rendered with a number in English: 二十国集团 = G20 or "Group of Twenty", 一国两制 = "One Country, Two Systems");
 * an empty list means the word is not a number at all (四川 = Sichuan, 千方百计 = "spare no effort").
 */
export const ZH_LEXICON: ReadonlyArray<readonly [string, readonly number[]]> = [
  // Named groups and programmes
  ['二十国集团', [20]], ['七国集团', [7]], ['八国集团', [8]], ['十四五', [14, 5]], ['十三五', [13, 5]],
  ['十二五', [12, 5]], ['十一五', [11, 5]], ['十五五', [15, 5]], ['一国两制', [1, 2]], ['两个一百年', [2, 100]],
  ['五位一体', [5, 1]], ['三农', [3]], ['两会', [2]], ['两国', [2]], ['两岸', [2]], ['两党', [2]], ['两者', [2]],
  ['两极', [2]], ['两手', [2]], ['两翼', [2]], ['两难', [2]], ['两用', [2]], ['两面', [2]], ['两性', [2]],
  ['两院', [2]], ['两地', [2]], ['两国关系', [2]], ['二战', [2]], ['一战', [1]], ['三峡', [3]], ['五星红旗', [5]],
  ['三维', [3]], ['二维', [2]], ['一维', [1]], ['二维码', []], ['百年', [100]], ['千年', [1000]], ['万年', [10000]],
  ['百年未有之大变局', [100]], ['双十一', [11]], ['双十二', [12]],
  // Dates used as names (May Fourth Movement, May Day, Army Day, Women's Day, 18 September Incident)
  ['五四', [5, 4]], ['五一', [5, 1]], ['七一', [7, 1]], ['八一', [8, 1]], ['三八', [3, 8]], ['九一八', [9, 18]],
  ['七七事变', [7, 7]], ['一二·九', [12, 9]], ['九一一', [9, 11]],
  // Place and company names
  ['四川', []], ['三亚', []], ['九江', []], ['三明', []], ['十堰', []], ['六安', []], ['万宁', []], ['百色', []],
  ['九寨沟', []], ['五台山', []], ['八达岭', []], ['三门峡', []], ['七台河', []], ['六盘水', []], ['九龙', []],
  ['二连浩特', []], ['三沙', []], ['四平', []], ['五指山', []], ['万州', []], ['千岛湖', []], ['九华山', []],
  ['五大连池', []], ['三星', []], ['万科', []], ['万达', []], ['百度', []], ['九州', []], ['三江源', []],
  ['十三陵', []], ['五道口', []], ['六盘山', []], ['八宝山', []], ['万里长城', []], ['万象', []],
  // Idioms and ordinary words
  ['千方百计', []], ['四面八方', []], ['五湖四海', []], ['七上八下', []], ['乱七八糟', []], ['九牛一毛', []],
  ['三番五次', []], ['三令五申', []], ['五花八门', []], ['四通八达', []], ['五颜六色', []], ['七嘴八舌', []],
  ['八九不离十', []], ['十全十美', []], ['十拿九稳', []], ['一五一十', []], ['四分五裂', []], ['三三两两', []],
  ['接二连三', []], ['不三不四', []], ['朝三暮四', []], ['五彩缤纷', []], ['五光十色', []], ['九霄云外', []],
  ['千家万户', []], ['千千万万', []], ['成千上万', []], ['千变万化', []], ['千差万别', []], ['万众一心', []],
  ['万无一失', []], ['独一无二', []], ['百花齐放', []], ['百家争鸣', []], ['百废待兴', []], ['百折不挠', []],
  ['百发百中', []], ['千辛万苦', []], ['千军万马', []], ['千山万水', []], ['万水千山', []], ['千载难逢', []],
  ['万紫千红', []], ['一清二楚', []], ['三心二意', []], ['一石二鸟', []], ['一举两得', []], ['两全其美', []],
  ['一穷二白', []], ['三思', []], ['八卦', []], ['五金', []], ['四合院', []], ['三角', []], ['二手', []],
  ['不二', []], ['万岁', []], ['万分', []], ['百货', []], ['百科', []], ['百姓', []], ['老百姓', []], ['万物', []],
  ['万一', []], ['千万', []], ['十足', []], ['十字', []], ['一带一路', []], ['第一时间', []], ['第一线', []],
  ['亿万', []], ['百万富翁', []], ['九泉', []], ['七夕', []], ['三明治', []], ['一刀切', []], ['五脏六腑', []],
  ['三头六臂', []], ['七情六欲', []], ['三长两短', []], ['半斤八两', []], ['一干二净', []], ['说一不二', []],
  ['四季', [4]], ['四周', []], ['四处', []], ['四下', []], ['一则', []], ['二则', []], ['三则', []], ['百分百', [100]], ['十有八九', []], ['三教九流', []], ['九死一生', []], ['一言九鼎', []],
];

/**
 * Characters before a short numeral that make it part of a personal name or nickname: common surnames (王二 =
 * Wang Er, 茅十八, 罗小四) and 小/老/阿 (老三 = "the third son"). Surname characters that are also frequent words
 * (于, 向, 方, 高, 金…) are left out on purpose.
 */
export const ZH_NAME_PREFIX_CHARS =
  '王李张刘陈杨黄赵吴徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭汪范廖贾夏韦邹孟熊秦邱尹薛闫雷侯黎贺顾毛郝龚邵钱严覃戴莫孔茅小老阿';

/** Kinship words after a numeral give birth order, not a count: 二姑 (second aunt), 三哥, 五叔. */
export const ZH_KINSHIP_CHARS = '姑叔伯哥姐妹弟嫂爷奶娘婶舅姨爹妈少';

/** Financial numerals are ordinary characters when alone (肆无忌惮, 陆续, 队伍, 拾起). */
export const ZH_FINANCIAL_CHARS = '壹贰叁肆伍陆柒捌玖拾佰仟';

/** Weekday names (星期三 = Wednesday, 周五 = Friday) are not numbers. */
export const ZH_WEEKDAY_PREFIXES = ['星期', '礼拜', '周'];
export const ZH_WEEKDAY_DAYS = '一二三四五六日天';

/** English number words. */
export const EN_UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
export const EN_TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  // Older English (Bible, literature): threescore and ten = 70
  twoscore: 40, threescore: 60, fourscore: 80,
};
export const EN_SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
export const EN_ORDINAL_UNITS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19,
};
export const EN_ORDINAL_TENS: Readonly<Record<string, number>> = {
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90,
};
export const EN_ORDINAL_SCALES: Readonly<Record<string, number>> = {
  hundredth: 100, thousandth: 1e3, millionth: 1e6, billionth: 1e9,
};
/** Fraction denominators: "two thirds", "three quarters", "one half". */
export const EN_DENOMINATORS: Readonly<Record<string, number>> = {
  half: 2, halves: 2, thirds: 3, quarter: 4, quarters: 4, fourths: 4, fifths: 5, sixths: 6, sevenths: 7,
  eighths: 8, ninths: 9, tenths: 10, hundredths: 100,
};
/** Words that state a count loosely: weak mentions. */
export const EN_LOOSE: Readonly<Record<string, number>> = {
  once: 1, twice: 2, thrice: 3, both: 2, double: 2, doubled: 2, triple: 3, tripled: 3, dozen: 12,
  // "over the past decade" = 近十年, "a century" = 百年
  decade: 10, century: 100,
};
/** Scale abbreviations after digits: $1.5bn, 3tn. */
export const EN_SCALE_ABBREVIATIONS: Readonly<Record<string, number>> = { bn: 1e9, mn: 1e6, tn: 1e12 };

export const EN_MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};
