/**
 * Import benchmark: files per second and MB per second for each format beside plain text in the
 * same run (the text of the same article as a .txt file, so the ratio is the price of the
 * format's reader), on the test fixtures and on a long page and a long PDF made here. The HTML
 * figure also has the DOM choice measured: Readability over jsdom, in place of linkedom.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import PDFDocument from 'pdfkit';
import { readHtml } from '../ingest/formats/html';
import { articlesFromBytes } from '../ingest/import';
import type { BenchFigure } from './report';

const FIXTURES = join(__dirname, '../ingest/fixtures/formats');

/** Sentences of our own, repeated into long documents. */
const SENTENCES = [
  'The delegations met in the capital on Tuesday to discuss trade, energy and the border.',
  'Officials said the talks had been constructive and that a second round would follow.',
  'The ministers agreed to set up a working group on customs procedures and port fees.',
  'A joint statement called for closer cooperation between the coast guards of both countries.',
];

function paragraphs(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: 4 }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(' '),
  );
}

function longPage(count: number): Uint8Array {
  const nav = Array.from({ length: 60 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`);
  const body = paragraphs(count)
    .map(p => `<p>${p}</p>`)
    .join('\n');
  const html = `<!doctype html><html><head><title>Long report | Bench Daily</title>
    <script>var tracking = true;</script></head><body><nav><ul>${nav.join('')}</ul></nav>
    <article><h1>Long report</h1>${body}</article><footer><ul>${nav.join('')}</ul></footer></body></html>`;
  return new TextEncoder().encode(html);
}

function longPdf(count: number): Promise<Uint8Array> {
  return new Promise(resolve => {
    const doc = new PDFDocument({ info: { Title: 'Long report' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    for (const p of paragraphs(count)) doc.text(p, { paragraphGap: 8 });
    doc.end();
  });
}

interface Sample {
  name: string;
  file: string;
  bytes: Uint8Array;
}

/** Files per second and MB per second of importing `sample` repeatedly for about `ms`. */
async function throughput(
  sample: Sample,
  ms: number,
): Promise<{ filesPerS: number; mbPerS: number }> {
  await articlesFromBytes(sample.bytes, { source: sample.file, file: sample.file });
  let files = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms || files < 3) {
    await articlesFromBytes(sample.bytes, { source: sample.file, file: sample.file });
    files++;
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    filesPerS: files / seconds,
    mbPerS: (files * sample.bytes.length) / 1024 / 1024 / seconds,
  };
}

/** The same article's text as a plain .txt file: the baseline of each format. */
async function asText(sample: Sample): Promise<Sample> {
  const [article] = await articlesFromBytes(sample.bytes, {
    source: sample.file,
    file: sample.file,
  });
  if (!article || !('id' in article)) throw new Error(`${sample.file} does not import`);
  const text = `${article.title}\n\n${article.text}`;
  return {
    name: `${sample.name} as text`,
    file: 'same.txt',
    bytes: new TextEncoder().encode(text),
  };
}

export async function benchImport(): Promise<BenchFigure[]> {
  const fixture = (name: string, file: string): Sample => ({
    name,
    file,
    bytes: new Uint8Array(readFileSync(join(FIXTURES, file))),
  });
  const samples: Sample[] = [
    fixture('HTML page', 'lisbon-talks.html'),
    fixture('PDF, 2 pages', 'oslo-exercise.pdf'),
    fixture('Word .docx', 'coast-guard.docx'),
    fixture('E-mail .eml (HTML newsletter)', 'weekly-brief.eml'),
    fixture('Markdown', 'nairobi-water.md'),
    { name: 'HTML page, 400 paragraphs', file: 'long.html', bytes: longPage(400) },
    { name: 'PDF, 400 paragraphs', file: 'long.pdf', bytes: await longPdf(400) },
  ];
  const figures: BenchFigure[] = [];
  for (const sample of samples) {
    const base = await throughput(await asText(sample), 700);
    const run = await throughput(sample, 1500);
    const kb = (sample.bytes.length / 1024).toFixed(0);
    figures.push(
      {
        name: `import ${sample.name} (${kb} KB), files/s`,
        value: run.filesPerS,
        unit: 'files/s',
        baseline: { name: 'same text as .txt', value: base.filesPerS },
      },
      {
        name: `import ${sample.name}, MB/s`,
        value: run.mbPerS,
        unit: 'MB/s',
        baseline: { name: 'same text as .txt', value: base.mbPerS },
      },
    );
  }
  figures.push(await domChoice(longPage(400)));
  return figures;
}

/** Readability over linkedom (what readHtml uses) against Readability over jsdom, one long page. */
async function domChoice(page: Uint8Array): Promise<BenchFigure> {
  const html = new TextDecoder().decode(page);
  const time = async (fn: () => unknown, n: number) => {
    await fn();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return (performance.now() - t0) / n;
  };
  const linkedom = await time(() => readHtml(html), 10);
  // jsdom ships no types; only its constructor and `window.document` are used.
  const { JSDOM } = createRequire(__filename)('jsdom') as {
    JSDOM: new (html: string) => { window: { document: never } };
  };
  const jsdom = await time(() => new Readability(new JSDOM(html).window.document).parse(), 10);
  return {
    name: 'one long page: parse + Readability, linkedom',
    value: linkedom,
    unit: 'ms',
    baseline: { name: 'jsdom', value: jsdom },
  };
}
