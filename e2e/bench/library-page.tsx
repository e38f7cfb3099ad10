/**
 * Runs inside Chromium for the library benchmark (bundled by `library.ts`): 100,000 generated
 * library entries stored in a real Dexie database, read back without text, turned into rows,
 * sorted and filtered, and the real LibraryList (virtualised) rendered and scrolled frame by
 * frame. Beside it, a plain list rendering every row, as the list did before.
 */
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { ReadoutDB, type LibraryEntry } from '../../src-renderer/db/db';
import { LibraryList } from '../../src-renderer/features/library/LibraryList';
import {
  NO_FILTER,
  filterRows,
  sortRows,
  toRows,
  type LibraryRow,
} from '../../src-renderer/features/library/query';
import { EMPTY_SELECTION } from '../../src-renderer/features/library/selection';
import { loadRows, queryLibraryOrder } from '../../src-renderer/features/library/library-order';
import { prng } from '../../src-main/testing/prng';

export interface LibraryBenchResult {
  articles: number;
  storeMs: number;
  readMs: number;
  orderMs: number;
  firstPageMs: number;
  rowsMs: number;
  sortMs: Record<string, number>;
  filterMs: number;
  firstRenderMs: number;
  domRows: number;
  frames: number;
  frameP50: number;
  frameP95: number;
  frameMax: number;
  framesOver16: number;
  workP95: number;
  workMax: number;
  plainRenderMs: number;
  plainRows: number;
}

const WORDS =
  'talks envoy summit ministers ceasefire border trade delegation council agreement port ferry visit sanctions round'.split(
    ' ',
  );
const PUBLISHERS = ['Wire One', 'Harbour Ledger', 'Coastline Daily', 'Minutes Office', null];

function entries(n: number): LibraryEntry[] {
  const random = prng(12);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: n }, (_, i) => {
    const day = Math.floor(random() * 3000);
    const date = new Date(Date.UTC(2017, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    return {
      articleId: i.toString(16).padStart(16, '0'),
      title: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${i}`,
      publisher: pick(PUBLISHERS),
      published: random() < 0.05 ? null : date,
      dateline: null,
      file: `article-${i}.txt`,
      source: `/library/article-${i}.txt`,
      author: null,
      url: null,
      addedAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
      ...(random() < 0.3 ? { readAt: 1 } : {}),
      ...(random() < 0.1 ? { archivedAt: 1 } : {}),
    };
  });
}

const nextFrame = () => new Promise<number>(r => requestAnimationFrame(r));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)];

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

export async function run(n: number): Promise<LibraryBenchResult> {
  const db = new ReadoutDB(`bench-${Math.random()}`);
  const [, storeMs] = await time(() => db.library.bulkAdd(entries(n)));
  const [stored, readMs] = await time(() => db.library.toArray());
  // What the list reads on start now: the default order from the indexes, then one page of rows.
  const [order, orderMs] = await time(() =>
    queryLibraryOrder(db, { sort: 'published', filter: NO_FILTER }),
  );
  const [, firstPageMs] = await time(() => loadRows(db, order.ids.slice(0, 50), order.known));
  const [rows, rowsMs] = await time(() => toRows(stored, new Map(), new Set()));
  const sortMs: Record<string, number> = {};
  let sorted: LibraryRow[] = rows;
  for (const key of ['published', 'title', 'source', 'added'] as const) {
    [sorted, sortMs[key]] = await time(() => sortRows(rows, key));
  }
  const [shown, filterMs] = await time(() =>
    filterRows(sorted, { ...NO_FILTER, read: 'unread', from: '2019-01-01' }),
  );
  void shown;

  const byId = new Map(sorted.map(r => [r.id, r]));
  const host = document.createElement('div');
  host.style.cssText = 'height:800px;width:320px;display:flex;flex-direction:column';
  document.body.append(host);
  const root = createRoot(host);
  const [, firstRenderMs] = await time(() =>
    flushSync(() =>
      root.render(
        <LibraryList
          ids={sorted.map(r => r.id)}
          rowOf={id => byId.get(id)}
          openId={null}
          selection={EMPTY_SELECTION}
          onSelectionChange={() => {}}
          onOpen={() => {}}
          onDelete={() => {}}
        />,
      ),
    ),
  );
  await nextFrame();
  const scroller = host.querySelector<HTMLElement>('.library-scroller')!;
  const domRows = scroller.querySelectorAll('li').length;

  // Scroll as a fast fling does (240 px a frame), then jump across the list, timing each frame
  // and the work the scroll causes inside it (scroll event, React render, layout).
  const intervals: number[] = [];
  const work: number[] = [];
  let last = await nextFrame();
  for (let f = 0; f < 300; f++) {
    const t0 = performance.now();
    scroller.scrollTop =
      f < 240 ? scroller.scrollTop + 240 : Math.floor(scroller.scrollHeight * ((f - 240) / 60));
    scroller.dispatchEvent(new Event('scroll'));
    void scroller.offsetHeight;
    work.push(performance.now() - t0);
    const now = await nextFrame();
    intervals.push(now - last);
    last = now;
  }
  root.unmount();

  // The list as it was: every article a DOM row. Rendered once, for comparison (capped: a plain
  // list of 100,000 rows takes long enough to make the point at 20,000).
  const plainRows = Math.min(n, 20_000);
  const plainHost = document.createElement('div');
  plainHost.style.cssText = 'height:800px;width:320px;overflow:auto';
  document.body.append(plainHost);
  const plainRoot = createRoot(plainHost);
  const [, plainRenderMs] = await time(() =>
    flushSync(() =>
      plainRoot.render(
        <ul>
          {sorted.slice(0, plainRows).map(r => (
            <li key={r.id}>
              <button type="button">
                <span>{r.title}</span>
                <span>
                  {r.source} {r.published}
                </span>
              </button>
            </li>
          ))}
        </ul>,
      ),
    ),
  );
  void plainHost.offsetHeight;
  plainRoot.unmount();
  await db.delete();
  return {
    articles: n,
    storeMs,
    readMs,
    orderMs,
    firstPageMs,
    rowsMs,
    sortMs,
    filterMs,
    firstRenderMs,
    domRows,
    frames: intervals.length,
    frameP50: pct(intervals, 0.5),
    frameP95: pct(intervals, 0.95),
    frameMax: Math.max(...intervals),
    framesOver16: intervals.filter(i => i > 17.5).length,
    workP95: pct(work, 0.95),
    workMax: Math.max(...work),
    plainRenderMs,
    plainRows,
  };
}
