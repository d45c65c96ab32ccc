// Sentence rules on real sentences (English and Chinese), one paragraph at a time.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/index.js';

const cut = (text: string, lang: string) => splitSentences(text, lang).map(([s, e]) => text.slice(s, e));

describe('English sentence rules', () => {
  it('splits at full stops, question and exclamation marks', () => {
    expect(cut('China has contributed to global digital connectivity. China has expanded the construction of its 5G network. Why? Because it works!', 'en')).toEqual([
      'China has contributed to global digital connectivity.',
      'China has expanded the construction of its 5G network.',
      'Why?',
      'Because it works!',
    ]);
  });

  it('does not split after titles and Latin abbreviations', () => {
    expect(cut('Mr. Smith met Dr. Wang and Prof. Li in Beijing. They talked about trade, e.g. tariffs, i.e. taxes on imports.', 'en')).toEqual([
      'Mr. Smith met Dr. Wang and Prof. Li in Beijing.',
      'They talked about trade, e.g. tariffs, i.e. taxes on imports.',
    ]);
    expect(cut('The case Roe vs. Wade was cited. Then St. Louis was chosen.', 'en')).toEqual(['The case Roe vs. Wade was cited.', 'Then St. Louis was chosen.']);
  });

  it('keeps No., Art. and months with the number that follows', () => {
    expect(cut('See Art. 12 of the treaty and Order No. 5 of Jan. 2020. It entered into force.', 'en')).toEqual([
      'See Art. 12 of the treaty and Order No. 5 of Jan. 2020.',
      'It entered into force.',
    ]);
  });

  it('handles U.S., etc., Inc. and Ltd. both inside and at the end of a sentence', () => {
    expect(cut('The U.S. Congress passed the bill. Exports went to the U.S. The talks continue.', 'en')).toEqual([
      'The U.S. Congress passed the bill.',
      'Exports went to the U.S.',
      'The talks continue.',
    ]);
    expect(cut('It signed with Huawei Co. Ltd. in May. Then it left.', 'en')).toEqual(['It signed with Huawei Co. Ltd. in May.', 'Then it left.']);
    expect(cut('They built ports, railways, bridges, etc. The work goes on with Huawei Ltd. and ZTE Inc. in Africa.', 'en')).toEqual([
      'They built ports, railways, bridges, etc.',
      'The work goes on with Huawei Ltd. and ZTE Inc. in Africa.',
    ]);
  });

  it('keeps initials with the name', () => {
    expect(cut('The Hobbit was written by J. R. R. Tolkien in 1937. It became a classic.', 'en')).toEqual([
      'The Hobbit was written by J. R. R. Tolkien in 1937.',
      'It became a classic.',
    ]);
  });

  it('does not split decimals, versions or web addresses', () => {
    expect(cut('Growth reached 3.5 percent in 2021, or 1.2 trillion yuan. See www.gov.cn for details.', 'en')).toEqual([
      'Growth reached 3.5 percent in 2021, or 1.2 trillion yuan.',
      'See www.gov.cn for details.',
    ]);
  });

  it('treats ellipses as a boundary only before a new sentence', () => {
    expect(cut('He paused... and then went on. We waited… Nobody came.', 'en')).toEqual(['He paused... and then went on.', 'We waited…', 'Nobody came.']);
  });

  it('keeps a closing quote with its sentence and an opening quote with the next one', () => {
    expect(cut('"I am leaving," he said. "Do not follow me." She stayed. He left." She cried.', 'en')).toEqual([
      '"I am leaving," he said.',
      '"Do not follow me."',
      'She stayed.',
      'He left."',
      'She cried.',
    ]);
    expect(cut('The summit listed “the digital economy.” It was a first. “Why?” he asked.', 'en')).toEqual([
      'The summit listed “the digital economy.”',
      'It was a first.',
      '“Why?” he asked.',
    ]);
  });

  it('keeps a numbered list label with its item', () => {
    expect(cut('1. Open the file. 2. Save it.', 'en')).toEqual(['1. Open the file.', '2. Save it.']);
    expect(cut('IV. Results of the study', 'en')).toEqual(['IV. Results of the study']);
  });

  it('does not rely on a following capital after lower-case continuations', () => {
    expect(cut('Prices rose (see Fig. 3) in May. the lower-case start continues? no, it does not.', 'en')).toEqual([
      'Prices rose (see Fig. 3) in May. the lower-case start continues? no, it does not.',
    ]);
  });

  it('keeps a cut-off sentence whole', () => {
    expect(cut('In 2017, China formally announced its entry to the WTO Friends of E-commerce for Development (FED), in order to work with the other developing members in support of negotiations about', 'en')).toHaveLength(1);
  });
});

describe('Chinese sentence rules', () => {
  it('ends at 。！？ and keeps closing quotes and brackets with the sentence', () => {
    expect(cut('“丝路电商”合作成果丰硕。实现主要单证“全程无纸化”。你来了吗？太好了！', 'zh')).toEqual([
      '“丝路电商”合作成果丰硕。',
      '实现主要单证“全程无纸化”。',
      '你来了吗？',
      '太好了！',
    ]);
    expect(cut('他问：“你去哪儿？”我没有回答。（详见附件。）会议结束。《论语》说：“学而时习之。”', 'zh')).toEqual([
      '他问：“你去哪儿？”',
      '我没有回答。',
      '（详见附件。）',
      '会议结束。',
      '《论语》说：“学而时习之。”',
    ]);
  });

  it('treats ？！ combinations, ASCII !? and …… as enders', () => {
    expect(cut('真的吗？！不可能!你确定?我想想……好吧。', 'zh')).toEqual(['真的吗？！', '不可能!', '你确定?', '我想想……', '好吧。']);
  });

  it('does not end at semicolons, commas (full-width or ASCII) or inside numbers', () => {
    expect(cut('大力推进5G网络建设,积极开展国际合作；增长3.5%，规模达1.2万亿元。', 'zh')).toEqual(['大力推进5G网络建设,积极开展国际合作；增长3.5%，规模达1.2万亿元。']);
  });

  it('keeps a quoted full stop with the text that continues the sentence', () => {
    expect(cut('他说“我走了。”，然后离开了。', 'zh')).toEqual(['他说“我走了。”，然后离开了。']);
    // After 。” the next sentence starts: the closing quote stays with the first one.
    expect(cut('“我走了。”他转身离开。', 'zh')).toEqual(['“我走了。”', '他转身离开。']);
  });

  it('never ends a sentence inside a title 《…》', () => {
    expect(cut('他读了《你好！世界》这本书。《谁动了我的奶酪？》也很畅销。', 'zh')).toEqual(['他读了《你好！世界》这本书。', '《谁动了我的奶酪？》也很畅销。']);
    expect(cut('若a《b则成立。下一句。', 'zh')).toEqual(['若a《b则成立。', '下一句。']);
  });

  it('reads an ASCII or full-width stop after a Han character as 。', () => {
    expect(cut('会议在北京举行.代表们发言．增长３．５％。', 'zh')).toEqual(['会议在北京举行.', '代表们发言．', '增长３．５％。']);
  });

  it('keeps Latin text and abbreviations inside a Chinese sentence', () => {
    expect(cut('中国积极推动全面落实《APEC互联网和数字经济路线图》。2020年，中国和东盟举办合作年。', 'zh')).toEqual([
      '中国积极推动全面落实《APEC互联网和数字经济路线图》。',
      '2020年，中国和东盟举办合作年。',
    ]);
  });
});

describe('dialogue (literary text)', () => {
  it('keeps an ellipsis inside a quotation and a stutter in the sentence', () => {
    expect(cut('她说：“我…… 我不知道。”他点点头。', 'zh')).toEqual(['她说：“我…… 我不知道。”', '他点点头。']);
    expect(cut('他问：“您能…… 说得具体些吗？”', 'zh')).toEqual(['他问：“您能…… 说得具体些吗？”']);
    expect(cut("'I... I can't remember,' he said. Then he left.", 'en')).toEqual(["'I... I can't remember,' he said.", 'Then he left.']);
  });

  it('keeps a closing quote after a stray space with its sentence', () => {
    expect(cut('她道：“你好。 ”她笑了。', 'zh')).toEqual(['她道：“你好。 ”', '她笑了。']);
  });

  it('keeps an English speech attribution with the quotation it follows', () => {
    expect(cut('"Can you send the file?" Li asked. She nodded.', 'en')).toEqual(['"Can you send the file?" Li asked.', 'She nodded.']);
    expect(cut('"Stop!" The guard ran after him.', 'en')).toEqual(['"Stop!"', 'The guard ran after him.']);
  });

  it('ends interrupted speech before the next quotation', () => {
    expect(cut('“I was going to—” “Stop right there.”', 'en')).toEqual(['“I was going to—”', '“Stop right there.”']);
    expect(cut('他说：“你为什么——”“别问了。”', 'zh')).toEqual(['他说：“你为什么——”', '“别问了。”']);
  });

  it('reads spaced ellipses and an abbreviation closed by a quotation', () => {
    expect(cut('They waited. . . . Then the bell rang.', 'en')).toEqual(['They waited. . . .', 'Then the bell rang.']);
    expect(cut('"The meeting starts at 9 a.m." "Fine," she said.', 'en')).toEqual(['"The meeting starts at 9 a.m."', '"Fine," she said.']);
  });
});
