import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefingInputDraft } from '../contract';
import { cjkInput, emptyInput, hugeInput, longTokenInput, seedInput } from './fixtures';
import { PLACEHOLDER } from './fallback';
import { loadBriefingFonts, type BriefingFonts } from './fonts';
import { layoutBriefing, renderBriefing, renderBriefingWithReport } from './render';

const dir = mkdtempSync(join(tmpdir(), 'briefing-test-'));
let fonts: BriefingFonts;
let n = 0;

beforeAll(() => {
  fonts = loadBriefingFonts();
});

/** Writes the PDF and reads it back with poppler, as a reader would. */
function poppler(bytes: Uint8Array): { info: string; text: string; fonts: string } {
  const file = join(dir, `b${++n}.pdf`);
  writeFileSync(file, bytes);
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
  return {
    info: run('pdfinfo', [file]),
    text: run('pdftotext', ['-layout', file, '-']),
    fonts: run('pdffonts', [file]),
  };
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('renderBriefing', () => {
  const cases: [string, () => BriefingInputDraft][] = [
    ['an empty meeting', emptyInput],
    ['the seed meeting', () => seedInput()],
    ['a huge meeting (60 highlights, 20,000-character note, 40 people)', hugeInput],
    ['the seed meeting on US Letter', () => seedInput({ paper: 'Letter' })],
    [
      'a huge meeting on US Letter',
      () => ({ ...hugeInput(), options: { ...hugeInput().options, paper: 'Letter' } }),
    ],
  ];

  it.each(cases)('puts %s on exactly one page with nothing past the margins', async (_, make) => {
    const { bytes, report } = await renderBriefingWithReport(make(), fonts);
    expect(report.pages).toBe(1);
    expect(report.overflow).toBe(0);
    expect(poppler(bytes).info).toMatch(/^Pages:\s+1$/m);
  });

  it('prints names in any script, participants, the note and the footer as extractable text', async () => {
    const { text, info, fonts: fontList } = poppler(await renderBriefing(seedInput(), fonts));
    const flat = squash(text);
    for (const s of [
      'Erdoğan',
      'Лавров',
      'Mohammad Reza Ashtiyani',
      'Hulusi Akar',
      'Türkiye',
      'page 1 of 1',
    ]) {
      expect(flat).toContain(s);
    }
    expect(flat).toContain('Watch for: a date for a foreign-ministers meeting');
    expect(flat).toContain('25 April 2023');
    expect(flat).toMatch(/Status: held \[1\]; scheduled \[2\]/);
    expect(flat).toContain(
      '[2] Kyiv Independent, “Turkey, Russia, Syria and Iran defence chiefs to meet in Moscow”, 24 April 2023.',
    );
    expect(flat).not.toMatch(/\.txt/);
    expect(flat).toContain('Doubtful');
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Quadrilateral meeting/m);
    expect(info).toMatch(/^Author:\s+Readout$/m);
    expect(info).toMatch(/^Subject:\s+Briefing: 25 April 2023/m);
    // Every font embedded as a subset; none of pdfkit's Latin-1-only standard fonts.
    const rows = fontList.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatch(/\+DejaVu\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('prints Chinese and Japanese in the embedded CJK face as text, not boxes', async () => {
    const seed = await renderBriefing(seedInput(), fonts);
    const bytes = await renderBriefing(cjkInput(), fonts);
    const { text, fonts: fontList } = poppler(bytes);
    const flat = squash(text);
    for (const s of ['莫斯科四方会谈 Moscow round', '王小明, Observer', '東京の代表団も出席した'])
      expect(flat).toContain(s);
    expect(fontList).toMatch(/\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    // A subset: the 10 MB face adds only the few glyphs used.
    expect(bytes.length - seed.length).toBeLessThan(20_000);
    // The emoji and the Hangul word, which no embedded face has, show as placeholders.
    expect(flat).toContain(`Flag ${PLACEHOLDER}`);
    expect(flat).toContain(`${PLACEHOLDER}${PLACEHOLDER} for review`);
  });

  it('draws every character of every line with a real glyph of the face the layout names', () => {
    const { layout } = layoutBriefing(cjkInput(), fonts);
    const runs = layout.marks.filter(m => m.kind === 'text');
    expect(runs.some(m => m.font === 'cjk' && m.text.includes('莫斯科'))).toBe(true);
    for (const run of runs) {
      const missing = fonts[run.font]
        .layout(run.text.replaceAll('\u200B', ''))
        .glyphs.filter(glyph => glyph.id === 0);
      expect({ text: run.text, missing: missing.length }).toEqual({ text: run.text, missing: 0 });
    }
  });

  it('shortens a huge meeting with explicit lines and keeps the type at or above the floor', async () => {
    const { bytes, report } = await renderBriefingWithReport(hugeInput(), fonts);
    expect(report.truncated).toBe(true);
    expect(report.bodySize).toBeGreaterThanOrEqual(7.5);
    const flat = squash(poppler(bytes).text);
    expect(flat).toMatch(/… \d+ more highlights in Readout/);
    expect(flat).toMatch(/… \d+ more people in Readout/);
    expect(flat).toMatch(/notes continue in Readout \(\d+ more words\)/);
    expect(flat).toContain('OFFICIAL – SENSITIVE');
    expect(flat).toContain('Lead paragraph: Erdoğan and Лавров');
    expect(flat).toContain('page 1 of 1');
  });

  it('uses the generous style without shortening when the content fits', async () => {
    const { report } = await renderBriefingWithReport(seedInput(), fonts);
    expect(report).toMatchObject({ level: 0, truncated: false });
  });

  it('gives byte-identical files for the same input and generation time', async () => {
    const a = await renderBriefing(hugeInput(), fonts);
    const b = await renderBriefing(hugeInput(), fonts);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await renderBriefing(
      { ...hugeInput(), options: { ...hugeInput().options, generatedAt: '2024-05-02T00:00:00Z' } },
      fonts,
    );
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('prints the handling line only when the analyst sets one', async () => {
    const without = squash(poppler(await renderBriefing(seedInput(), fonts)).text);
    expect(without).not.toContain('OFFICIAL');
    const withIt = squash(
      poppler(await renderBriefing(seedInput({ handling: 'OFFICIAL – SENSITIVE' }), fonts)).text,
    );
    expect(withIt).toContain('OFFICIAL – SENSITIVE');
  });

  it('sizes the page as asked', async () => {
    const letter = poppler(await renderBriefing(seedInput({ paper: 'Letter' }), fonts));
    expect(letter.info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const a4 = poppler(await renderBriefing(seedInput(), fonts));
    expect(a4.info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it('rejects an invalid input with a validation error', async () => {
    const bad = { ...seedInput(), options: { generatedAt: 'yesterday' } };
    await expect(renderBriefing(bad, fonts)).rejects.toThrow(/generatedAt|datetime/i);
  });

  it('keeps one page whatever the amount of text (sweep)', async () => {
    for (const k of [0, 3, 8, 20, 40]) {
      const base = hugeInput();
      const input: BriefingInputDraft = {
        ...base,
        highlights: base.highlights.slice(0, k),
        notes: base.notes.map(note => ({ ...note, text: note.text.slice(0, k * 400) })),
        meeting: {
          ...base.meeting,
          participants: {
            ...base.meeting.participants,
            people: base.meeting.participants.people.slice(0, k),
          },
        },
      };
      const { bytes, report } = await renderBriefingWithReport(input, fonts);
      expect(report.overflow, `k=${k}`).toBe(0);
      expect(poppler(bytes).info, `k=${k}`).toMatch(/^Pages:\s+1$/m);
    }
  });
});

describe('renderBriefing with long unbroken words', () => {
  // Each case took 10 s to minutes (or ran out of memory) when pdfkit split the word itself.
  const cases: [string, () => BriefingInputDraft][] = [
    ['an 8,000-character token in a note', () => longTokenInput('note', 8_000)],
    ["a 500-character token in a person's name", () => longTokenInput('person', 500)],
    [
      'long tokens in the title, purpose, a note, a quote and a name',
      () => longTokenInput('everywhere', 400),
    ],
    ['a 100,000-character token in a note', () => longTokenInput('note', 100_000)],
  ];

  it.each(cases)(
    'renders %s on one page in well under a second',
    async (_, make) => {
      const input = make();
      await renderBriefing(seedInput(), fonts);
      const t0 = performance.now();
      const { bytes, report } = await renderBriefingWithReport(input, fonts);
      const ms = performance.now() - t0;
      expect(report.pages).toBe(1);
      expect(report.overflow).toBe(0);
      expect(poppler(bytes).info).toMatch(/^Pages:\s+1$/m);
      // The issue asks for 200 ms; the bound is generous for a loaded test machine.
      expect(ms).toBeLessThan(1_000);
    },
    120_000,
  );
});

describe('renderBriefing with oversized fields', () => {
  it("refuses a person's name longer than the contract allows, naming the field", async () => {
    await expect(renderBriefing(longTokenInput('person', 8_000), fonts)).rejects.toThrow(
      /participants\.people\.0\.name is 8000 characters long/,
    );
  });
});

describe('layoutBriefing', () => {
  it('positions every line the PDF prints, so the screen and the page show the same text', async () => {
    const { layout } = layoutBriefing(seedInput(), fonts);
    const texts = layout.marks.flatMap(m => (m.kind === 'text' ? [m.text.trim()] : []));
    expect(texts.length).toBeGreaterThan(20);
    // pdftotext splits letter-spaced headings ("BOT TOM"), so compare without any spacing.
    const bare = (text: string) => text.replace(/[\s\u200B]+/g, '');
    const flat = bare(poppler(await renderBriefing(seedInput(), fonts)).text);
    for (const t of texts.filter(Boolean)) expect(flat).toContain(bare(t));
    for (const m of layout.marks) {
      if (m.kind !== 'text') continue;
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x + m.width).toBeLessThanOrEqual(layout.width - 40);
      expect(m.baseline).toBeLessThanOrEqual(layout.height);
    }
  });

  it('reports the sections top to bottom with what the fit kept, and how full the page is', () => {
    const seed = layoutBriefing(seedInput(), fonts).layout;
    expect(seed.fit).toMatchObject({ level: 0, truncated: false });
    expect(seed.sections.every(s => !s.shortened && s.hidden === 0)).toBe(true);
    const main = seed.sections.filter(s => s.id !== 'participants' && s.id !== 'sources');
    for (let i = 1; i < main.length; i++)
      expect(main[i].top).toBeGreaterThan(main[i - 1].bottom - 1);
    const huge = layoutBriefing(hugeInput(), fonts).layout;
    expect(huge.fit.truncated).toBe(true);
    expect(huge.fit.used).toBeGreaterThan(seed.fit.used);
    expect(huge.sections.find(s => s.id === 'highlights')).toMatchObject({ shortened: true });
    expect(huge.sections.find(s => s.id === 'highlights')!.hidden).toBeGreaterThan(0);
  });

  it('wraps a long title in full while the page has room, never cutting it with "…"', () => {
    const input = seedInput();
    const title = Array.from(
      { length: 6 },
      (_, i) => `round ${i + 1} of the quadrilateral defence ministers' talks on Syria`,
    ).join(', then ');
    input.meeting = { ...input.meeting, title };
    const { layout } = layoutBriefing(input, fonts);
    const header = layout.marks
      .flatMap(m => (m.kind === 'text' && m.section === 'header' ? [m.text] : []))
      .join(' ')
      .replace(/[\s\u200B]+/g, ' ');
    expect(header).toContain(title);
    expect(header).not.toContain('…');
  });

  it('shortens an over-long title at a word only when even the floor cannot fit the page', () => {
    const input = hugeInput();
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    input.meeting = { ...input.meeting, title: words };
    const { layout, overflow } = layoutBriefing(input, fonts);
    expect(overflow).toBe(0);
    const header = layout.marks
      .flatMap(m => (m.kind === 'text' && m.section === 'header' ? [m.text] : []))
      .join(' ')
      .replace(/[\s\u200B]+/g, ' ');
    expect(header).toMatch(/word\d+…/);
    expect(header).not.toContain('word199');
    expect(layout.fit).toMatchObject({ bodySize: 7.5, truncated: true });
  });

  it('shapes each word once: a second layout of the same page shapes nothing again', () => {
    const own = loadBriefingFonts();
    let shaped = 0;
    for (const font of Object.values(own)) {
      const layout = font.layout.bind(font);
      font.layout = ((...args: Parameters<typeof layout>) => {
        shaped++;
        return layout(...args);
      }) as typeof font.layout;
    }
    layoutBriefing(hugeInput(), own);
    const first = shaped;
    expect(first).toBeGreaterThan(100);
    shaped = 0;
    layoutBriefing(hugeInput(), own);
    expect(shaped).toBe(0);
  });

  it('prints participants as a compact table: country code, then name and role, by country', () => {
    const { layout } = layoutBriefing(seedInput(), fonts);
    const marks = layout.marks.flatMap(m =>
      m.kind === 'text' && m.section === 'participants' ? [m] : [],
    );
    const at = (text: string) => marks.find(m => m.text.replace(/\u200B/g, '').includes(text))!;
    const code = at('IR');
    const name = at('Mohammad Reza Ashtiyani');
    // Same row, code in its own narrow column left of the name.
    expect(Math.abs(code.baseline - name.baseline)).toBeLessThan(2);
    expect(code.x + code.width).toBeLessThan(name.x);
    expect(at('Defence Minister').font).toBe('meta');
    // Grouped in the order the countries are listed (Iran, Russia, Syria, Türkiye).
    const order = ['Ashtiyani', 'Лавров', 'Hulusi Akar', 'Erdoğan'].map(t => at(t).y);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The country is the column, not repeated after the role.
    expect(marks.map(m => m.text).join(' ')).not.toMatch(/Minister, Iran/);
  });

  it('prints a note’s bulleted lines as a list: the bullet apart, every line of an item indented alike', () => {
    const input = seedInput();
    input.notes = [
      {
        scope: 'meeting',
        text: 'Watch for:\n\n- **Ankara** naming a date for the foreign ministers, which would turn the proposal into a scheduled round with an agenda of its own\n- a second trilateral',
      },
    ];
    const { layout } = layoutBriefing(input, fonts);
    const marks = layout.marks.flatMap(m =>
      m.kind === 'text' && m.section === 'notes' ? [m] : [],
    );
    const bullets = marks.filter(m => m.text.trim() === '•');
    expect(bullets).toHaveLength(2);
    const first = marks.find(m => m.text.includes('Ankara'))!;
    expect(first.font).toBe('bodyBold');
    const second = marks.find(m => m.text.includes('a second trilateral'))!;
    // The text of each item starts right of its bullet, and the items line up with each other.
    expect(first.x).toBeGreaterThan(bullets[0].x + 4);
    expect(second.x).toBeCloseTo(first.x, 0);
    // The long item wraps, and its next line starts under its first word, not under the bullet.
    const wrapped = marks.filter(
      m => m.y > first.y + 1 && m.y < second.y - 1 && m.text.trim() !== '',
    );
    expect(wrapped.length).toBeGreaterThan(0);
    for (const line of wrapped) expect(line.x).toBeCloseTo(first.x, 0);
    expect(marks.map(m => m.text).join(' ')).not.toMatch(/\*\*|^- /);
  });

  it('sets bold and italic from a note in their own faces, with no Markdown left on the page', async () => {
    const input = seedInput();
    input.notes = [
      { scope: 'meeting', text: 'The **second** round; *Iran joins* for the first time.' },
    ];
    input.highlights[2] = {
      ...input.highlights[2],
      note: 'An **earlier**, _deputy-level_ meeting.',
    };
    const { layout } = layoutBriefing(input, fonts);
    const marks = layout.marks.flatMap(m => (m.kind === 'text' ? [m] : []));
    const face = (text: string) => marks.find(m => m.text.includes(text))?.font;
    expect(face('second')).toBe('bodyBold');
    expect(face('Iran joins')).toBe('italic');
    expect(face('for the first time')).toBe('body');
    expect(face('earlier')).toBe('label');
    expect(face('deputy-level')).toBe('italic');
    const flat = squash(poppler(await renderBriefing(input, fonts)).text);
    expect(flat).toContain('The second round; Iran joins for the first time.');
    expect(flat).not.toMatch(/\*|_deputy|\uE000|\uE001/);
  });
});
