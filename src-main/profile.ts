/**
 * The profile (user-data) folder: `--profile=DIR` on the command line or READOUT_PROFILE in the
 * environment, so tests and power users can keep separate libraries. Returns null for the
 * platform default.
 */
import { resolve } from 'node:path';

export function profileOverride(argv: string[], env: NodeJS.ProcessEnv): string | null {
  const flag = argv.find(a => a.startsWith('--profile='));
  const value = flag ? flag.slice('--profile='.length) : env.READOUT_PROFILE;
  return value && value.trim() !== '' ? resolve(value) : null;
}
