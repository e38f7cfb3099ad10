/**
 * The format readers' libraries, loaded on first use and then kept: linkedom, Readability,
 * mammoth, postal-mime and markdown-it take a second or more to load from source on a busy
 * machine, and an import of text files alone (the seeds on first run) should not wait for them.
 * Only packages are imported this way; a dynamic import of a local TypeScript module would fail
 * in the worker when it runs from source, where tsx registers its CommonJS hook alone.
 */
type Loader<T> = () => Promise<T>;

function once<T>(load: Loader<T>): Loader<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}

export const linkedom = once(() => import('linkedom'));
export const readability = once(() => import('@mozilla/readability'));
/** A module's default export; CommonJS packages imported by `import()` may arrive without one. */
function defaultOf<M extends { default: unknown }>(module: M): M['default'] {
  return module.default ?? (module as unknown as M['default']);
}

export const mammoth = once(async () => defaultOf(await import('mammoth')));
export const postalMime = once(async () => defaultOf(await import('postal-mime')));
export const markdownIt = once(async () => defaultOf(await import('markdown-it')));
