/**
 * Writes one briefing PDF per meeting into a folder, plus `index.json` and `index.md` listing
 * what was written: the headless `readout brief` command's work, kept free of the extractor and
 * the reader so it can be tested with hand-made meetings.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, Meeting, PaperSize } from '../contract';
import { writeFileAtomic } from './atomic-write';
import { briefingFileName, uniqueFileName } from './filename';
import type { BriefingFonts } from './fonts';
import { briefingInputFor } from './input';
import { renderBriefingWithReport } from './render';

export interface WrittenBriefing {
  meetingId: string;
  title: string;
  /** File name inside the output folder. */
  file: string;
  /** True when some section had to be shortened to fit the page. */
  shortened: boolean;
}

export interface BatchOptions {
  paper: PaperSize;
  handling: string | null;
  generatedAt: string;
}

/**
 * Renders and writes every meeting's briefing into `outDir` (created if missing), replacing
 * files of the same name, then the two index files. Names are de-duplicated within the batch.
 */
export async function writeBriefings(
  meetings: Meeting[],
  articles: Article[],
  outDir: string,
  options: BatchOptions,
  fonts: BriefingFonts,
): Promise<WrittenBriefing[]> {
  await mkdir(outDir, { recursive: true });
  const byId = new Map(articles.map(a => [a.id, a]));
  const taken = new Set(['index.json', 'index.md']);
  const written: WrittenBriefing[] = [];
  for (const meeting of meetings) {
    const file = uniqueFileName(briefingFileName(meeting), taken);
    const { bytes, report } = await renderBriefingWithReport(
      briefingInputFor(meeting, byId, options),
      fonts,
    );
    await writeFileAtomic(join(outDir, file), bytes, { overwrite: true });
    written.push({
      meetingId: meeting.id,
      title: meeting.title,
      file,
      shortened: report.truncated,
    });
  }
  const index = { generatedAt: options.generatedAt, paper: options.paper, briefings: written };
  const encode = (text: string) => new TextEncoder().encode(text);
  await writeFileAtomic(join(outDir, 'index.json'), encode(`${JSON.stringify(index, null, 2)}\n`), {
    overwrite: true,
  });
  await writeFileAtomic(join(outDir, 'index.md'), encode(indexMarkdown(written, options)), {
    overwrite: true,
  });
  return written;
}

function indexMarkdown(written: WrittenBriefing[], options: BatchOptions): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const rows = written.map(
    w => `| ${cell(w.title)} | [${w.file}](${encodeURI(w.file)}) | ${cell(w.meetingId)} |`,
  );
  return [
    '# Briefings',
    '',
    `Generated ${options.generatedAt}, ${written.length} briefing(s).`,
    '',
    '| Meeting | File | Meeting id |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
