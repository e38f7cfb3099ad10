/** `readout import --json FILE|DIR...`: reads articles the way the app does and reports them. */
import { importPaths } from '../ingest';
import { parseOptions, UsageError, type Command } from './command';
import { printable as p, terminalJson } from './terminal-text';

export const importCommand: Command = {
  name: 'import',
  summary: 'Read article files or folders and report what Readout would import.',
  usage: 'import [--json] FILE|DIR...',
  async run(args, io) {
    const { flags, positionals } = parseOptions(args, { flags: ['json'] });
    if (positionals.length === 0) throw new UsageError('name at least one file or folder');
    const report = await importPaths(positionals, { cwd: io.cwd });
    const articles = report.articles.map(a => ({
      file: a.source,
      id: a.id,
      title: a.title,
      format: a.format ?? 'text',
      publisher: a.publisher,
      author: a.author ?? null,
      published: a.published,
      url: a.url ?? null,
      dateline: a.dateline,
      wordCount: a.wordCount,
      /** Where each field was read: header, html-meta, json-ld, pdf-info, docx-props, email-header, text, file-name. */
      sources: a.metaSources ?? {},
      ...(a.dateOrder ? { dateOrder: a.dateOrder } : {}),
    }));
    if (flags.has('json')) {
      io.out(terminalJson({ articles, errors: report.errors }) + '\n');
    } else {
      for (const a of articles) {
        io.out(
          `${p(a.file)}\n  ${p(a.title)}\n  ${p([a.format, a.publisher, a.author && `by ${a.author}`, a.published, a.dateline && `dateline ${a.dateline}`, `${a.wordCount} words`].filter(Boolean).join(' · '))}\n${a.url ? `  ${p(a.url)}\n` : ''}`,
        );
      }
      for (const e of report.errors) io.err(`${p(e.file)}: ${p(e.message)} [${p(e.code)}]\n`);
      io.out(`${articles.length} article(s), ${report.errors.length} error(s)\n`);
    }
    return articles.length === 0 && report.errors.length > 0 ? 1 : 0;
  },
};
