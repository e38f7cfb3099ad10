/**
 * A library big enough that finding its meetings takes seconds: the seed articles copied `copies`
 * times, each copy a distinct article (its own id and a changed last word). For tests that need a
 * long extraction to be running while they do something else.
 */
import { fileURLToPath } from 'node:url';
import type { Article } from '../contract/article';
import { importPaths } from '../ingest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function seedLibrary(copies: number): Promise<Article[]> {
  const { articles } = await importPaths(['seeds'], { cwd: repoRoot });
  return Array.from({ length: copies }, (_, i) =>
    articles.map(a => ({
      ...a,
      id: a.id.slice(0, 10) + i.toString(16).padStart(6, '0'),
      source: `copies/${i}/${a.file}`,
    })),
  ).flat();
}
