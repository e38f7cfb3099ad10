/**
 * Saved web pages (.html, .htm, and the HTML inside .mhtml and newsletters): the article's main
 * content found by Mozilla's Readability over linkedom (a DOM for Node that parses and nothing
 * more: no script runs, no image, font, style sheet or frame is fetched), turned into paragraphs of
 * plain text, and the metadata the page declares, from its JSON-LD `NewsArticle` first, then its
 * OpenGraph and other meta tags, then `<title>`.
 *
 * linkedom over jsdom by measurement: on the same 16 KB page with Readability, 29–41 ms against
 * 54–173 ms per page here (see `npm run bench`), and it has no network or script machinery at all.
 */
import { decodeText } from '../decode';
import { domToText, type TextNode } from './dom-text';
import { isoDateOf, offer, type Extracted, type FileMeta, type FormatResult } from './extracted';
import { linkedom, readability } from './libs';

/** The parts of linkedom's Document read here (main has no DOM library types). */
interface PageDocument {
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  querySelector(selector: string): PageElement | null;
  body: PageElement | null;
  documentElement: PageElement | null;
}
interface PageElement extends TextNode {
  getAttribute(name: string): string | null;
}

/** Most JSON-LD read from one page; real pages carry a few KB. */
const MAX_JSON_LD_CHARS = 512 * 1024;
/** Below this much text, Readability's pick is thin and the whole body is read instead. */
const MIN_ARTICLE_CHARS = 140;

/**
 * Bytes of a page to text: a BOM or UTF-8 first; a page that declares a legacy charset in a
 * `<meta>` (windows-1252, shift_jis…) is decoded with it, since saved pages keep their charset.
 */
export function decodeHtml(
  bytes: Uint8Array,
): { ok: true; text: string } | ReturnType<typeof failDecode> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  const decoded = decodeText(bytes);
  if (
    decoded.ok ||
    !declared ||
    declared === 'utf-8' ||
    declared === 'utf8' ||
    decoded.code !== 'encoding'
  ) {
    return decoded.ok
      ? { ok: true, text: decoded.text }
      : failDecode(decoded.code, decoded.message);
  }
  try {
    const text = new TextDecoder(declared).decode(bytes);
    return { ok: true, text };
  } catch {
    return failDecode(
      'encoding',
      `The page declares the charset "${declared}", which Readout cannot decode. Save it as UTF-8 and import it again.`,
    );
  }
}

function failDecode(code: 'empty' | 'binary' | 'encoding', message: string) {
  return { ok: false as const, code, message };
}

/** The article a saved page holds, or why there is none. */
export async function readHtml(source: string): Promise<FormatResult> {
  const { parseHTML } = await linkedom();
  const { Readability } = await readability();
  // linkedom builds no <html> and <body> around a fragment ("<p>…</p>"), and Readability needs them.
  const html = /<html[\s>]/i.test(source.slice(0, 4096))
    ? source
    : `<!doctype html><html><head></head><body>${source}</body></html>`;
  const { document } = parseHTML(html) as unknown as { document: PageDocument };
  const meta: FileMeta = {};
  readJsonLd(document, meta);
  readMetaTags(document, meta);
  const titleElement = document.querySelector('title');
  const pageTitle = titleElement?.textContent ?? null;

  type Parsed = { title?: string | null; content?: TextNode | null; byline?: string | null };
  let parsed: Parsed | null = null;
  // Readability slows to seconds on pathological nesting (and overflows the stack past a few
  // thousand levels): such a page is read whole instead, which takes milliseconds.
  if (document.body && nestingDepth(document.body, READABILITY_MAX_DEPTH) < READABILITY_MAX_DEPTH) {
    try {
      parsed = new Readability(document as never, {
        serializer: (node: unknown) => node as TextNode,
        charThreshold: 300,
        maxElemsToParse: 40_000,
      }).parse() as Parsed | null;
    } catch {
      parsed = null;
    }
  }
  let text = parsed?.content ? domToText(parsed.content) : '';
  if (text.length < MIN_ARTICLE_CHARS) {
    // Readability found nothing article-like (a short note, a newsletter of links): the whole
    // body, still without scripts, styles, forms or navigation.
    const { document: fresh } = parseHTML(html) as unknown as { document: PageDocument };
    const body = fresh.body ?? fresh.documentElement;
    const whole = body ? domToText(body) : '';
    if (whole.length > text.length) text = whole;
  }
  offer(meta, 'title', cleanPageTitle(pageTitle, meta.publisher?.value ?? null), 'html-meta');
  offer(meta, 'title', parsed?.title, 'text');
  if (parsed?.byline && !/^https?:/i.test(parsed.byline)) {
    offer(meta, 'author', parsed.byline.replace(/^by\s+/i, ''), 'text');
  }
  if (!text.trim()) {
    return {
      code: 'empty',
      message: 'The page has no readable text (only markup, scripts or images).',
    };
  }
  return { format: 'html', text, meta } satisfies Extracted;
}

/** Deepest element nesting Readability is run on; real pages stay under 60. */
const READABILITY_MAX_DEPTH = 160;

/** How deep elements nest below `root`, counted up to `limit` (an explicit stack, no recursion). */
function nestingDepth(root: TextNode, limit: number): number {
  let deepest = 0;
  const stack: [TextNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest >= limit) return deepest;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      if (children[i].nodeType === 1) stack.push([children[i], depth + 1]);
    }
  }
  return deepest;
}

/** "Talks resume | The Daily Test" → "Talks resume" when the part cut off names the site. */
function cleanPageTitle(title: string | null, site: string | null): string | null {
  if (!title) return null;
  const t = title.replace(/\s+/g, ' ').trim();
  const m = /^(.{8,}?)\s+[|–—·-]\s+([^|–—·]{2,60})$/.exec(t);
  if (!m) return t;
  if (site && m[2].trim().toLowerCase() === site.toLowerCase()) return m[1];
  return m[2].split(/\s+/).length <= 4 ? m[1] : t;
}

const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|Report|LiveBlogPosting|AnalysisNewsArticle)$/;

/** `headline`, `datePublished`, `author`, `publisher` and `url` of the page's first article. */
function readJsonLd(document: PageDocument, meta: FileMeta): void {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  let budget = MAX_JSON_LD_CHARS;
  for (let i = 0; i < scripts.length; i++) {
    const source = scripts[i].textContent ?? '';
    budget -= source.length;
    if (budget < 0) return;
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      continue;
    }
    const article = findArticle(data, 0);
    if (!article) continue;
    offer(meta, 'title', stringOf(article.headline) ?? stringOf(article.name), 'json-ld');
    offer(
      meta,
      'published',
      isoDateOf(stringOf(article.datePublished) ?? stringOf(article.dateCreated)),
      'json-ld',
    );
    offer(meta, 'author', namesOf(article.author), 'json-ld');
    offer(meta, 'publisher', namesOf(article.publisher), 'json-ld');
    const page = article.mainEntityOfPage;
    offer(
      meta,
      'url',
      stringOf(article.url) ?? stringOf(page) ?? (isObject(page) ? stringOf(page['@id']) : null),
      'json-ld',
    );
    return;
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first object typed as an article, looked for in arrays and `@graph`, a few levels deep. */
function findArticle(data: unknown, depth: number): Json | null {
  if (depth > 4) return null;
  if (Array.isArray(data)) {
    for (const item of data.slice(0, 50)) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(data)) return null;
  const types = ([] as unknown[]).concat(data['@type']);
  if (types.some(t => typeof t === 'string' && ARTICLE_TYPES.test(t))) return data;
  return data['@graph'] ? findArticle(data['@graph'], depth + 1) : null;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A person or organisation as JSON-LD writes it: a string, `{name}`, or a list of them. */
function namesOf(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value]).slice(0, 10);
  const names = list
    .map(v => (typeof v === 'string' ? v : isObject(v) ? stringOf(v.name) : null))
    .filter((n): n is string => !!n && !/^https?:/i.test(n.trim()));
  if (names.length === 0) return null;
  return names.length <= 2 ? names.join(' and ') : names.join(', ');
}

/** OpenGraph, article:*, Dublin Core and the usual named meta tags, then the canonical link. */
function readMetaTags(document: PageDocument, meta: FileMeta): void {
  const tags = new Map<string, string>();
  const elements = document.querySelectorAll('meta');
  for (let i = 0; i < Math.min(elements.length, 2000); i++) {
    const el = elements[i];
    const key = (
      el.getAttribute('property') ??
      el.getAttribute('name') ??
      el.getAttribute('itemprop')
    )?.toLowerCase();
    const content = el.getAttribute('content');
    if (key && content && !tags.has(key)) tags.set(key, content);
  }
  const first = (...keys: string[]) => keys.map(k => tags.get(k)).find(v => v && v.trim()) ?? null;
  offer(
    meta,
    'title',
    first('og:title', 'twitter:title', 'dc.title', 'citation_title'),
    'html-meta',
  );
  offer(
    meta,
    'publisher',
    first('og:site_name', 'publisher', 'dc.publisher', 'application-name'),
    'html-meta',
  );
  const author = first(
    'author',
    'article:author',
    'dc.creator',
    'parsely-author',
    'sailthru.author',
    'byl',
  );
  if (author && !/^https?:/i.test(author))
    offer(meta, 'author', author.replace(/^by\s+/i, ''), 'html-meta');
  const published = first(
    'article:published_time',
    'og:published_time',
    'datepublished',
    'publish-date',
    'pubdate',
    'date',
    'dc.date',
    'dcterms.date',
    'dc.date.issued',
    'parsely-pub-date',
    'sailthru.date',
    'citation_publication_date',
  );
  offer(meta, 'published', isoDateOf(published), 'html-meta');
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime');
  offer(meta, 'published', isoDateOf(time), 'html-meta');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  offer(meta, 'url', canonical, 'html-meta');
  offer(meta, 'url', first('og:url', 'twitter:url'), 'html-meta');
}
