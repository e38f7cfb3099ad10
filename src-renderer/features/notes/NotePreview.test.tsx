// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reactRoot } from '../../testing-dom';
import type * as Markdown from './markdown';
import { MARKDOWN_LIMIT } from './markdown';
import { NotePreview } from './NotePreview';

vi.mock('./markdown', async original => {
  const real = await original<typeof Markdown>();
  return {
    ...real,
    renderMarkdown: (text: string) => {
      if (text.startsWith('CRASH')) throw new RangeError('Maximum call stack size exceeded');
      return real.renderMarkdown(text);
    },
  };
});

const dom = reactRoot();
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('NotePreview', () => {
  it('shows a note as formatted, sanitised Markdown in a named region', () => {
    act(() =>
      dom.root.render(<NotePreview label="Highlight note, formatted" text="**Check** it" />),
    );
    const region = dom.container.querySelector('[role=region]');
    expect(region?.getAttribute('aria-label')).toBe('Highlight note, formatted');
    expect(region?.querySelector('strong')?.textContent).toBe('Check');
  });

  it('shows a note the formatter cannot handle as its raw text, and keeps the notes beside it', () => {
    act(() =>
      dom.root.render(
        <>
          <NotePreview text={'CRASH > > > *raw* text'} />
          <NotePreview text="**fine**" />
        </>,
      ),
    );
    const failed = dom.container.querySelector('.note-failed');
    expect(failed?.textContent).toContain('This note could not be displayed');
    expect(failed?.textContent).toContain('CRASH > > > *raw* text');
    expect(dom.container.querySelector('strong')?.textContent).toBe('fine');
  });

  it('formats again once the text changes to one that can be formatted', () => {
    act(() => dom.root.render(<NotePreview text="CRASH" />));
    expect(dom.container.querySelector('.note-failed')).not.toBeNull();
    act(() => dom.root.render(<NotePreview text="*better*" />));
    expect(dom.container.querySelector('.note-failed')).toBeNull();
    expect(dom.container.querySelector('em')?.textContent).toBe('better');
  });

  it('shows a note over the size limit as plain text with a notice, without formatting it', () => {
    const text = `**not bold** ${'x'.repeat(MARKDOWN_LIMIT)}`;
    act(() => dom.root.render(<NotePreview text={text} />));
    const plain = dom.container.querySelector('.note-plain');
    expect(plain?.textContent).toContain('**not bold**');
    expect(plain?.querySelector('.note-notice')?.textContent).toMatch(/plain text/);
    expect(dom.container.querySelector('strong')).toBeNull();
  });
});
