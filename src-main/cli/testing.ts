import { fileURLToPath } from 'node:url';
import type { CliIo } from './command';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A CliIo for tests that keeps what a command printed to each stream. */
export function capture(cwd = repoRoot) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: t => void out.push(t), err: t => void err.push(t), cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
