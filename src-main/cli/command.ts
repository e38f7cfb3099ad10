/** One `readout` sub-command: parses its own arguments and returns the process exit code. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for `readout help`. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Thrown for wrong command-line words; main prints the message and the command's usage. */
export class UsageError extends Error {}

/** Splits `--flag value` / `--flag=value` options from positional arguments. */
export function parseOptions(
  args: string[],
  spec: { flags?: string[]; values?: string[] },
): { flags: Set<string>; values: Map<string, string>; positionals: string[] } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (spec.flags?.includes(name) && eq === -1) {
      flags.add(name);
    } else if (spec.values?.includes(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { flags, values, positionals };
}
