/**
 * `readout brief --out DIR [--meeting ID] [--paper A4|Letter] [--handling TEXT]
 * [--generated-at ISO] FILE|DIR...`: reads the articles, finds their meetings and writes one
 * briefing PDF per meeting (or the one asked for) plus index.json and index.md.
 */
import { resolve } from 'node:path';
import { BriefingOptionsSchema, PaperSizeSchema, type Meeting } from '../contract';
import { writeBriefings } from '../briefing/batch';
import { loadBriefingFonts } from '../briefing/fonts';
import { importPaths } from '../ingest';
import { extractMeetings } from '../meetings';
import { parseOptions, UsageError, type Command } from './command';
import { printable as p } from './terminal-text';

export const briefCommand: Command = {
  name: 'brief',
  summary: 'Write a one-page PDF briefing for each meeting found in the articles.',
  usage:
    'brief --out DIR [--meeting ID] [--paper A4|Letter] [--handling TEXT] [--generated-at ISO] FILE|DIR...',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      values: ['out', 'meeting', 'paper', 'handling', 'generated-at'],
    });
    const out = values.get('out');
    if (!out) throw new UsageError('--out DIR is required');
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

    const report = await importPaths(positionals, { cwd: io.cwd });
    for (const e of report.errors) io.err(`${p(e.file)}: ${p(e.message)} [${p(e.code)}]\n`);
    let meetings = extractMeetings(report.articles);
    const only = values.get('meeting');
    if (only) {
      meetings = meetings.filter((m: Meeting) => m.id === only);
      if (meetings.length === 0) {
        io.err(`no meeting with id ${p(only)} in these articles\n`);
        return 1;
      }
    }
    const dir = resolve(io.cwd, out);
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
