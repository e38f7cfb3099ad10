/** `readout meetings [--json] FILE|DIR...`: the meetings the articles report, merged across files. */
import { parseOptions, UsageError, type Command } from './command';
import { streamedMeetingsReport, TooManyFiles } from './streamed-meetings';
import { printable as p, terminalJson } from './terminal-text';

export const meetingsCommand: Command = {
  name: 'meetings',
  summary: 'Find the meetings that article files report and merge them across articles.',
  usage: 'meetings [--json] FILE|DIR...',
  async run(args, io) {
    const { flags, positionals } = parseOptions(args, { flags: ['json'] });
    if (positionals.length === 0) throw new UsageError('name at least one file or folder');
    let report;
    try {
      report = await streamedMeetingsReport(positionals, { cwd: io.cwd });
    } catch (error) {
      if (!(error instanceof TooManyFiles)) throw error;
      io.err(`${error.message}\n`);
      return 1;
    }
    const read = report.articles.filter(a => a.error === null).length;
    if (flags.has('json')) {
      io.out(terminalJson(report) + '\n');
    } else {
      for (const m of report.meetings) {
        const when = m.date.start
          ? m.date.end && m.date.end !== m.date.start
            ? `${m.date.start} – ${m.date.end}`
            : m.date.start
          : 'date not given';
        const where =
          [m.place.venue, m.place.city, m.place.country?.name].filter(Boolean).join(', ') ||
          'place not given';
        // A called-off meeting keeps its planned status; the outcome says what became of it.
        const status = m.outcome ? `${m.status}, ${m.outcome}` : m.status;
        io.out(`${p(m.title)}\n  ${p(`${status} · ${when} · ${where}`)}\n`);
        // Who, as the card shows it: checking a meeting against its text needs the people too.
        const { countries, people, organizations } = m.participants;
        const who = [
          countries.map(c => c.name).join(', '),
          people.map(x => (x.role ? `${x.name} (${x.role})` : x.name)).join(', '),
          organizations.join(', '),
        ].filter(Boolean);
        if (who.length > 0 || m.level)
          io.out(
            `  ${p(`who: ${who.join(' · ') || 'not given'}${m.level ? ` · level: ${m.level}` : ''}`)}\n`,
          );
        if (m.purpose) io.out(`  purpose: ${p(m.purpose)}\n`);
        for (const d of m.disagreements ?? []) {
          io.out(
            `  sources disagree on ${p(`${d.field}: ${d.values.map(v => `${v.value} (${v.file})`).join('; ')}`)}\n`,
          );
        }
        for (const x of m.mentions)
          io.out(`  - ${p(x.file)} [${x.start}-${x.end}] ${p(x.sentence)}\n`);
      }
      for (const a of report.articles) if (a.error) io.err(`${p(a.file)}: ${p(a.error)}\n`);
      io.out(`${report.meetings.length} meeting(s) in ${read} article(s)\n`);
    }
    return read === 0 ? 1 : 0;
  },
};
