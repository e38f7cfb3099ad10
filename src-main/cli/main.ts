/**
 * `readout`: the command line over the same services as the app (`npm run -s readout -- …`).
 * Plain Node: it never loads Electron, so it runs on machines without an Electron runtime.
 */
import { UsageError, type CliIo } from './command';
import { commands } from './commands';
import { printable as p } from './terminal-text';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = commands.find(c => c.name === name);
  if (!command) {
    io.err(`readout: unknown command '${p(name)}'\n\n${helpText()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`readout ${name}: ${p(error.message)}\nusage: readout ${command.usage}\n`);
      return 2;
    }
    io.err(`readout ${name}: ${p(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
}

/**
 * Exits quietly, with status 0, when the reader of our output has gone (EPIPE), as `head` expects
 * of a command it cuts short; any other stream error is a real failure and is thrown on.
 */
export function exitOnBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
}

function helpText(): string {
  const width = Math.max(...commands.map(c => c.usage.length));
  return (
    'usage: npm run -s readout -- COMMAND [options]\n\ncommands:\n' +
    commands.map(c => `  ${c.usage.padEnd(width)}  ${c.summary}`).join('\n') +
    '\n'
  );
}

// Run when executed directly (tsx src-main/cli/main.ts), not when imported by tests.
if (process.argv[1] && /cli[\\/]main\.[cm]?[jt]s$/.test(process.argv[1])) {
  // `readout meetings --json … | head` closes the pipe early: that ends the output, not in error.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', exitOnBrokenPipe);
  const io: CliIo = {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
  runCli(process.argv.slice(2), io).then(
    code => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
