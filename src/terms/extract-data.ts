/**
 * Language knowledge for term extraction, as data: words that do not begin or end a term.
 * General-language lists (function words, frequent verbs and adverbs), not tied to any document or domain.
 */

/** Chinese words (as Intl.Segmenter cuts them) that a term neither starts nor ends with. */
export const ZH_EDGE_STOP = new Set([
  // function words and particles
  '的', '了', '和', '与', '及', '或', '在', '是', '为', '对', '将', '把', '被', '从', '向', '于', '以', '等', '并', '而', '也', '都',
  '就', '又', '之', '其', '这', '那', '此', '该', '各', '由', '让', '使', '给', '同', '所', '已', '还', '更', '最', '很', '不', '没',
  '着', '过', '们', '个', '地', '得', '着', '吗', '呢', '吧', '啊', '呀', '么', '如', '若', '则', '但', '却', '且', '即', '乃', '至',
  '跟', '向', '往', '当', '因', '按', '据', '凡', '每', '诸', '某', '本', '另', '再', '才', '只', '仅', '曾', '正', '均', '皆', '亦',
  '以及', '及其', '或者', '而且', '并且', '但是', '因为', '所以', '如果', '虽然', '为了', '通过', '根据', '按照', '关于', '对于', '由于',
  '其中', '之一', '之间', '以来', '以上', '以下', '以后', '之后', '之前', '目前', '已经', '正在', '曾经', '一直', '不断', '进一步',
  '等等', '方面', '一道', '一起', '一个', '一些', '一种', '一项', '多个', '多项', '各种', '这个', '这些', '那些', '我们', '他们', '你们',
  '它们', '自己', '大家', '什么', '怎么', '如何', '为何', '这样', '那样', '所有', '全部', '有关', '相关', '主要', '重要', '积极', '大力',
  '持续', '共同', '有效', '充分', '全面', '深入', '首次', '首个', '先后', '分别', '正式', '成功', '继续', '双方', '多方', '各方',
  // frequent verbs that head predicates rather than terms
  '有', '要', '会', '能', '可', '可以', '应', '应该', '需要', '进行', '开展', '推动', '推进', '加强', '深化', '提升', '提高', '促进',
  '助力', '助推', '实现', '参与', '参加', '支持', '建立', '建成', '提供', '成为', '作为', '发挥', '举办', '举行', '召开',
  '通过', '发起', '提出', '倡导', '形成', '取得', '打造', '构建', '拓展', '扩大', '加快', '加速', '带动', '发表', '宣布', '加入',
  '协助', '利用', '落实', '完善', '增强', '坚持', '鼓励', '引导', '保障', '维护', '开启', '同意', '表示', '认为', '指出', '强调',
  '包括', '覆盖', '涉及', '来自', '位于', '成立', '设立', '签署', '达成', '获得', '得到', '受到', '列为', '引入', '升级', '惠及',
  '说', '看', '想', '做', '去', '来', '到', '年', '月', '日', '次', '位', '种',
]);

/** Localisers and other words that may begin a term (上合组织, 中东) but do not end one. */
export const ZH_END_STOP = new Set(['上', '下', '中', '后', '前', '里', '内', '外', '时', '间', '方', '边', '面']);

/** English words that a term neither starts nor ends with. */
export const EN_STOP = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'such', 'its', 'it', "it's", 'their', 'they', 'them', 'his', 'her', 'he',
  'she', 'we', 'our', 'us', 'you', 'your', 'i', 'my', 'me', 'who', 'whom', 'whose', 'which', 'what', 'where', 'when', 'why',
  'how', 'there', 'here', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'without', 'within', 'into', 'onto', 'upon',
  'about', 'above', 'below', 'under', 'over', 'after', 'before', 'between', 'among', 'through', 'throughout', 'during', 'since',
  'until', 'toward', 'towards', 'across', 'along', 'against', 'around', 'via', 'per', 'than', 'as', 'like', 'and', 'or', 'but',
  'nor', 'so', 'yet', 'if', 'then', 'else', 'because', 'while', 'although', 'though', 'whether', 'not', 'no', 'also', 'too',
  'very', 'more', 'most', 'less', 'least', 'much', 'many', 'some', 'any', 'all', 'both', 'each', 'every', 'either', 'neither',
  'other', 'another', 'several', 'few', 'own', 'same', 'only', 'just', 'even', 'still', 'already', 'again', 'further', 'thus',
  'therefore', 'however', 'moreover', 'be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', 'has', 'have', 'had', 'having',
  'do', 'does', 'did', 'done', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'let', 'make', 'made',
  'get', 'got', 'set', 'up', 'out', 'down', 'off', 'well', 'now', 'then', 'once', 'ever', 'never', 'always', 'often', 'one',
  'first', 'second', 'third', 'new', 'major', 'main', 'key', 'various', 'certain', 'whole', 'far', 'by', 'including', 'based',
  'led', 'held', 'said', 'says', 'say', 'took', 'take', 'taken', 'gave', 'give', 'given', 'used', 'use', 'using', 'able', 'thanks',
  'subsequently', 'mr', 'mrs', 'ms', 'yes', 'oh', 'ah',
]);

/** Inner words allowed in a multi-word English term. */
export const EN_INNER = new Set(['of', 'and', 'for', 'on', 'in', 'the', 'to', '&', 'with', 'de', 'du', 'la', 'von', 'van']);
