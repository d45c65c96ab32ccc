/** Language data for the aligner: stop words (not used as lexical evidence) and number words. */

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const STOPWORDS: Record<string, Set<string>> = {
  en: set(`a an the and or but nor of to in on at by for with from as into onto upon about over under than then that this these those
    it its it's is are was were be been being am do does did done have has had having i me my mine we us our ours you your yours he him his
    she her hers they them their theirs what which who whom whose when where why how not no so too very can could may might must shall should
    will would there here all any some each every such own same other just only also again once up down out off if while until because
    s t don't didn't isn't wasn't said says say one ones upon yes oh mr mrs ms`),
  de: set(`der die das den dem des ein eine einer eines einem einen und oder aber auch als am an auf aus bei bis durch für gegen hinter in im
    ins mit nach neben ohne seit über um unter von vor während wegen zu zum zur ich du er sie es wir ihr mich dich sich uns euch mir dir ihm
    ihn ihnen sein seine seiner seinen seinem ihre ihrer ihren ihrem ist sind war waren wird werden wurde wurden hat haben hatte hatten kann
    können konnte muss müssen nicht kein keine so wie wo wenn dass da dann doch noch nur schon sehr man was wer dieser diese dieses diesem
    diesen jener jene es`),
  fr: set(`le la les l un une des du de d et ou mais donc or ni car à au aux en dans par pour sur sous avec sans chez vers entre contre je
    tu il elle on nous vous ils elles me te se lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre vos ce cet cette ces qui que
    qu quoi dont où est sont était étaient être été a ont avait avaient avoir fait plus ne pas n y c s si comme très aussi tout tous toute
    toutes bien encore déjà`),
};

export const NUMBER_WORDS: Record<string, Record<string, number>> = {
  en: {
    one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
    thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
    thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
    million: 1e6, billion: 1e9, dozen: 12,
  },
  de: { zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12, zwanzig: 20, hundert: 100, tausend: 1000 },
  fr: { deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, vingt: 20, cent: 100, mille: 1000 },
};

export const ORDINAL_WORDS: Record<string, Record<string, number>> = {
  en: {
    first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
    eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, twentieth: 20,
  },
};
