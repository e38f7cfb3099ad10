// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MARKDOWN_LIMIT, markdownToHtml, renderMarkdown } from './markdown';

/** Parses rendered HTML the way the page would, to ask what survived. */
function dom(html: string | null): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html ?? '';
  return root;
}

/** Notes written to make Markdown parsers slow or crash, each about `size` characters. */
export function hostileNotes(size: number): Record<string, string> {
  const repeat = (unit: string) => unit.repeat(Math.floor(size / unit.length));
  return {
    'deep quotes': repeat('>'),
    'deep spaced quotes': repeat('> '),
    'underscore runs (_a × n)': repeat('_a'),
    'star runs (*a × n)': repeat('*a'),
    'a long run of spaces': `a${' '.repeat(size - 2)}b`,
    'e-mail autolinks': repeat('mail <ana@example.org> or ana@example.org, '),
    'link references': Array.from(
      { length: Math.floor(size / 60) },
      (_, i) => `[ref${i}]: https://example.org/${i}\n[see][ref${i}]`,
    ).join('\n'),
    'unclosed brackets': `${'['.repeat(size / 2 - 1)}a${']'.repeat(size / 2 - 1)}`,
    'nested lists': Array.from({ length: 400 }, (_, i) => `${' '.repeat(i % 40)}- item`).join('\n'),
    'backslashes and angle brackets': repeat('\\<'),
  };
}

describe('markdownToHtml', () => {
  it.each(Object.entries(hostileNotes(MARKDOWN_LIMIT)))(
    'parses a hostile note (%s) at the size limit in under 100 ms',
    (_, note) => {
      // The best of five runs: the parser's own cost, not the scheduling noise of a shared machine.
      const times = Array.from({ length: 5 }, () => {
        const started = performance.now();
        markdownToHtml(note);
        return performance.now() - started;
      });
      expect(Math.min(...times)).toBeLessThan(100);
    },
  );

  it('stops nesting quotes at the cap instead of overflowing the stack', () => {
    const html = markdownToHtml(`${'>'.repeat(5000)} deep`);
    expect(html.match(/<blockquote>/g)?.length ?? 0).toBeLessThanOrEqual(20);
  });
});

describe('renderMarkdown', () => {
  it('keeps text formatting: emphasis, lists, quotes, code, tables and line breaks', () => {
    const root = dom(
      renderMarkdown(
        '**Check** the *date*\nagainst ~~old~~ `notes`\n\n> quoted\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |',
      ),
    );
    expect(root.querySelector('strong')?.textContent).toBe('Check');
    expect(root.querySelector('em')?.textContent).toBe('date');
    expect(root.querySelector('s, del')?.textContent).toBe('old');
    expect(root.querySelector('code')?.textContent).toBe('notes');
    expect(root.querySelector('br')).not.toBeNull();
    expect(root.querySelector('blockquote')?.textContent?.trim()).toBe('quoted');
    expect(root.querySelectorAll('li')).toHaveLength(2);
    expect(root.querySelectorAll('td')).toHaveLength(2);
  });

  it('shows raw HTML as text: no script, image, style, frame or form element survives', () => {
    const source = [
      '<script>window.pwned = 1</script>',
      '<img src="https://tracker.example/p.png" onerror="window.pwned = 2">',
      '<style>body { display: none }</style>',
      '<iframe src="https://example.org"></iframe>',
      '<form action="https://example.org"><input name="q"></form>',
      '![tracker](https://tracker.example/pixel.png)',
    ].join('\n\n');
    const root = dom(renderMarkdown(source));
    expect(
      root.querySelectorAll('script, img, style, iframe, form, input, [onerror]'),
    ).toHaveLength(0);
    expect(root.textContent).toContain('<script>window.pwned = 1</script>');
  });

  it('shows a link with its address on hover but without an href, whatever its scheme', () => {
    const root = dom(
      renderMarkdown(
        '[readout](https://kremlin.example/readout) [run](javascript:alert(1)) [mail](mailto:a@example.org)',
      ),
    );
    const links = Array.from(root.querySelectorAll('a'));
    expect(links.map(a => a.textContent)).toEqual(['readout', 'run', 'mail']);
    expect(root.querySelectorAll('[href]')).toHaveLength(0);
    expect(links[0]?.getAttribute('title')).toMatch(/^https:\/\/kremlin\.example\/readout /);
    expect(links[1]?.getAttribute('title')).toBeNull();
    expect(links.every(a => a.className === 'note-link')).toBe(true);
  });

  it('keeps no attribute beyond title on anything, not even a class or style the note asks for', () => {
    const root = dom(renderMarkdown('[x](https://example.org "t") **b**'));
    const attributes = Array.from(root.querySelectorAll('*')).flatMap(el =>
      Array.from(el.attributes, a => a.name),
    );
    expect(new Set(attributes)).toEqual(new Set(['title', 'class']));
  });

  it('returns null for a note over the limit, so it is shown as plain text', () => {
    expect(renderMarkdown('a'.repeat(MARKDOWN_LIMIT + 1))).toBeNull();
    expect(renderMarkdown('a'.repeat(MARKDOWN_LIMIT))).not.toBeNull();
  });

  // jsdom builds elements far more slowly than a browser, so these check the outcome on smaller
  // notes; e2e/notes.e2e.ts times notes at the limit in Chromium.
  it.each(Object.entries(hostileNotes(2_000)))(
    'formats a hostile note (%s) without throwing or leaving markup behind',
    (_, note) => {
      const root = dom(renderMarkdown(note));
      expect(root.querySelectorAll('script, img, [href], [style]')).toHaveLength(0);
    },
  );

  it.each(Object.entries(hostileNotes(40_000)))(
    'leaves a 40 KB hostile note unparsed, to be shown as plain text',
    (_, note) => {
      expect(renderMarkdown(note)).toBeNull();
    },
  );

  it('returns the same HTML from memory when a note is shown again', () => {
    const note = `${'_a'.repeat(4000)} memo`;
    const first = renderMarkdown(note);
    const started = performance.now();
    expect(renderMarkdown(note)).toBe(first);
    expect(performance.now() - started).toBeLessThan(5);
  });
});
