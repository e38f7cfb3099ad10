import { describe, expect, it } from 'vitest';
import { faceRuns, PLACEHOLDER } from './fallback';
import { loadBriefingFonts } from './fonts';

const fonts = loadBriefingFonts();

describe('faceRuns', () => {
  it('keeps text DejaVu covers as one run in the role face', () => {
    for (const text of ['Plain ASCII, 25 April.', 'Erdoğan and Лавров met in Türkiye – “held”.'])
      expect(faceRuns(text, fonts.body, fonts.cjk)).toEqual([{ text, cjk: false }]);
  });

  it('sets Chinese and Japanese in the CJK face and the Latin around it in the role face', () => {
    expect(faceRuns('Talks in 北京 with 東京の代表, then home.', fonts.body, fonts.cjk)).toEqual([
      { text: 'Talks in ', cjk: false },
      { text: '北京 ', cjk: true },
      { text: 'with ', cjk: false },
      { text: '東京の代表', cjk: true },
      { text: ', then home.', cjk: false },
    ]);
  });

  it('gives every character of a run a real glyph in the face it is set in', () => {
    const text = '会谈气氛平稳，下一轮日期未定。カタカナ';
    for (const run of faceRuns(text, fonts.heading, fonts.cjk)) {
      const font = run.cjk ? fonts.cjk : fonts.heading;
      for (const glyph of font.layout(run.text).glyphs) expect(glyph.id).not.toBe(0);
    }
  });

  it('replaces an emoji sequence or Hangul, which no face has, with one placeholder each', () => {
    const runs = faceRuns('OK 👍🏽 and 👨‍👩‍👧 in 서울.', fonts.body, fonts.cjk);
    expect(runs).toEqual([
      { text: `OK ${PLACEHOLDER} and ${PLACEHOLDER} in ${PLACEHOLDER}${PLACEHOLDER}.`, cjk: false },
    ]);
  });
});
