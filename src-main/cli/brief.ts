/**
 * `readout brief --out DIR [--meeting ID] [--paper A4|Letter] [--handling TEXT]
 * [--generated-at ISO] FILE|DIR...`: reads the articles, finds their meetings and writes one
 * briefing PDF per meeting (or the one asked for) plus index.json and index.md.
 *
 * `readout brief --digest [--from DATE] [--to DATE] [--out FILE] …` writes ONE page instead,
 * summarising every meeting in the date range (all of them without one).
 */
import { resolve } from 'node:path';
import {
  BriefingOptionsSchema,
  DigestRangeSchema,
  PaperSizeSchema,
  type BriefingOptions,
  type ImportReport,
  type Meeting,
} from '../contract';
import { importPaths } from '../ingest';
import { extractMeetings } from '../meetings';
import { parseOptions, UsageError, type CliIo, type Command } from './command';
import { printable as p } from './terminal-text';

/**
 * The PDF writers, loaded when a briefing is written: pdfkit, the fonts and the layout modules
 * took every other command (`readout meetings` among them) about a second of start-up.
 */
async function pdfWriters() {
  const [batch, digest, fonts] = await Promise.all([
    import('../briefing/batch'),
    import('../briefing/digest'),
    import('../briefing/fonts'),
  ]);
  return { ...batch, ...digest, ...fonts };
}

export const briefCommand: Command = {
  name: 'brief',
  summary: 'Write a one-page PDF briefing for each meeting found in the articles.',
  usage:
    'brief [--digest [--from DATE] [--to DATE]] --out DIR|FILE [--meeting ID] [--paper A4|Letter] [--handling TEXT] [--generated-at ISO] FILE|DIR...',
  async run(args, io) {
    const { flags, values, positionals } = parseOptions(args, {
      flags: ['digest'],
      values: ['out', 'meeting', 'paper', 'handling', 'generated-at', 'from', 'to'],
    });
    const digest = flags.has('digest');
    if (!digest && (values.has('from') || values.has('to'))) {
      throw new UsageError('--from and --to choose the meetings of a --digest');
    }
    const out = values.get('out');
    if (!out && !digest) throw new UsageError('--out DIR is required');
    if (positionals.length === 0) throw new UsageError('name at least one file or folder');
    const paper = PaperSizeSchema.safeParse(values.get('paper') ?? 'A4');
    if (!paper.success) throw new UsageError('--paper must be A4 or Letter');
    const generatedAt = values.get('generated-at') ?? new Date().toISOString();
    const parsed = BriefingOptionsSchema.safeParse({
      paper: paper.data,
      handling: values.get('handling') ?? null,
      generatedAt,
    });
    if (!parsed.success) {
      throw new UsageError('--generated-at must be an ISO date-time such as 2024-05-01T09:30:00Z');
    }

    const range = DigestRangeSchema.safeParse({
      from: values.get('from') ?? null,
      to: values.get('to') ?? null,
    });
    if (!range.success) {
      throw new UsageError(
        `--from and --to must be dates such as 2023-04-01, the first not after the second (${range.error.issues[0]?.message})`,
      );
    }

    const report = await importPaths(positionals, { cwd: io.cwd });
    for (const e of report.errors) io.err(`${p(e.file)}: ${p(e.message)} [${p(e.code)}]\n`);
    if (digest) return runDigest(report, out ?? null, range.data, parsed.data, io);
    let meetings = extractMeetings(report.articles);
    const only = values.get('meeting');
    if (only) {
      meetings = meetings.filter((m: Meeting) => m.id === only);
      if (meetings.length === 0) {
        io.err(`no meeting with id ${p(only)} in these articles\n`);
        return 1;
      }
    }
    const dir = resolve(io.cwd, out ?? '.');
    const { writeBriefings, loadBriefingFonts } = await pdfWriters();
    const written = await writeBriefings(
      meetings,
      report.articles,
      dir,
      parsed.data,
      loadBriefingFonts(),
    );
    for (const w of written)
      io.out(`${p(w.file)}${w.shortened ? '  (shortened to fit)' : ''}\n  ${p(w.title)}\n`);
    io.out(`${written.length} briefing(s) and index.json, index.md written to ${p(dir)}\n`);
    return 0;
  },
};

async function runDigest(
  report: ImportReport,
  out: string | null,
  range: { from: string | null; to: string | null },
  options: BriefingOptions,
  io: CliIo,
): Promise<number> {
  if (report.articles.length === 0) {
    io.err('no article could be read, so there is no digest\n');
    return 1;
  }
  const meetings = extractMeetings(report.articles);
  const { digestFileName, writeDigest, loadBriefingFonts } = await pdfWriters();
  const file = resolve(io.cwd, out ?? digestFileName({ range, options }));
  const written = await writeDigest(
    meetings,
    report.articles,
    file,
    range,
    options,
    loadBriefingFonts(),
  );
  if (!written) {
    io.err(
      `no meeting of these articles falls between ${range.from ?? 'the start'} and ${range.to ?? 'now'}\n`,
    );
    return 1;
  }
  io.out(
    `${p(file)}${written.shortened ? '  (shortened to fit)' : ''}\n  digest of ${written.meetings} meeting(s)\n`,
  );
  if (written.undatedLeftOut > 0) {
    io.out(
      `  ${written.undatedLeftOut} undated meeting(s) are in no date range and were left out\n`,
    );
  }
  return 0;
}
