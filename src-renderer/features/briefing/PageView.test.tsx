// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRoot } from '../../testing-dom';
import { BriefingLayoutSchema, type LayoutText } from '../../../src-main/contract/briefing-layout';
import { PageView } from './PageView';

const dom = reactRoot();

function run(text: string, font: LayoutText['font'], x: number): LayoutText {
  return {
    kind: 'text',
    section: 'header',
    text,
    x,
    y: 40,
    baseline: 55,
    width: 60,
    font,
    size: 18,
    colour: '#111111',
    characterSpacing: 0,
  };
}

/** A header line as main lays it out: a CJK run, then the rest of the title in DejaVu. */
const layout = BriefingLayoutSchema.parse({
  paper: 'A4',
  width: 595.28,
  height: 841.89,
  marks: [run('莫斯科会谈 ', 'cjk', 40), run('Moscow round', 'heading', 100)],
  bottomLine: { text: 'Talks held.', suggested: false },
  sections: [],
  fit: { level: 0, levels: 5, bodySize: 9.5, used: 0.2, truncated: false },
});

describe('PageView', () => {
  it('draws runs main set in the CJK fallback in the CJK face, and the rest in DejaVu', () => {
    act(() => dom.root.render(<PageView layout={layout} label="Briefing page" />));
    const texts = [...dom.container.querySelectorAll('text')];
    expect(texts.map(t => [t.textContent, t.getAttribute('font-family')])).toEqual([
      ['莫斯科会谈 ', 'Readout CJK'],
      ['Moscow round', 'Readout Sans'],
    ]);
    expect(texts[0]!.getAttribute('font-weight')).toBe('400');
  });
});
