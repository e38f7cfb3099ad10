import { describe, expect, it } from 'vitest';
import { readMarkdown } from './markdown';

async function read(source: string) {
  const result = await readMarkdown(source);
  if ('code' in result) throw new Error(result.message);
  return result;
}

describe('readMarkdown', () => {
  it('reads front matter as header metadata and drops the heading that repeats the title', async () => {
    const result = await read(
      '---\ntitle: "Talks in Lima"\ndate: 2024-01-09\nauthor: Rosa Quispe\n---\n# Talks in Lima\n\nThe ministers met.',
    );
    expect(result.meta).toEqual({
      title: { value: 'Talks in Lima', source: 'header' },
      published: { value: '2024-01-09', source: 'header' },
      author: { value: 'Rosa Quispe', source: 'header' },
    });
    expect(result.text).toBe('The ministers met.');
  });

  it('takes a leading # heading as the title and keeps link text, not link targets or marks', async () => {
    const result = await read(
      '# Envoys meet in Quito\n\nThey met **twice** and signed a [memorandum](https://x.example/m).\n\n- first point\n- second point',
    );
    expect(result.meta.title).toEqual({ value: 'Envoys meet in Quito', source: 'text' });
    expect(result.text).toBe(
      'They met twice and signed a memorandum.\n\nfirst point\n\nsecond point',
    );
  });

  it('keeps a heading that differs from the front matter title in the text', async () => {
    const result = await read('---\ntitle: Summit notes\n---\n# Day one\n\nThe leaders arrived.');
    expect(result.text).toBe('Day one\n\nThe leaders arrived.');
  });

  it('shows raw HTML as text and never renders it', async () => {
    const result = await read('The talks <script>alert(1)</script> went on.');
    expect(result.text).toBe('The talks <script>alert(1)</script> went on.');
  });
});
