/// <reference types="vitest" />
/**
 * Benchmark (not a test): team sync of 10,000 highlights between two desks.
 *
 *   npx tsx e2e/bench/sync.ts [count]
 *
 * Two desks as the tests build them — the app's ReadoutDB over fake-indexeddb with the outbox
 * capture, a PouchDB replica, the team database through the bridge fetch and main's forwarder —
 * in this process, and the express-pouchdb test server in a child process (sync-server-process.ts),
 * so the app's CPU time and the test server's are measured apart. Measured:
 * - first full sync: from Ana's desk holding N queued highlights (just joined) until Ben's desk
 *   holds all N (Ana's round pushes, Ben's round pulls and applies), wall and CPU time of both;
 * - one change: with both live loops running, from Ana's edit of one highlight until Ben's Dexie
 *   has it, median of 7, split by the requests the desks make: Ana's debounce and pump until her
 *   push starts, the push until the server has the revision, Ben's long-poll waking, Ben's pull,
 *   and applying it to his Dexie;
 * - baseline: a bulkPut of the same N records into a fresh ReadoutDB with no team.
 *
 * `SYNC_BENCH_PROFILE=<dir>` writes a CPU profile of this process during the first full sync
 * (`first-sync.cpuprofile`, open it in Chrome's DevTools), without the start-up and the rest.
 */
import 'fake-indexeddb/auto';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ReadoutDB, type Highlight } from '../../src-renderer/db/db';
import { LiveSync } from '../../src-renderer/sync/live';
import { syncRound } from '../../src-renderer/sync/session';
import {
  accessFor,
  bridgedRemote,
  sampleHighlight,
  testDesk,
  testTeam,
} from '../../src-renderer/sync/testing';

const COUNT = Number(process.argv[2] ?? 10_000);
const CHANGES = 7;
const PROFILE_DIR = process.env.SYNC_BENCH_PROFILE;

function records(): Highlight[] {
  return Array.from({ length: COUNT }, (_, i) =>
    sampleHighlight(`h${String(i).padStart(5, '0')}`, 1_000 + i, {
      articleId: `article-${i % 200}`,
      note: i % 3 === 0 ? `Note number ${i} on this passage` : '',
      tags: i % 5 === 0 ? ['moscow', 'follow-up'] : [],
    }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ms = (value: number) => `${Math.round(value)} ms`;

function cpuMs(since?: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

interface ServerProcess {
  url: string;
  admin: { username: string; password: string };
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

/** Starts the test server in a child process (tsx compiles its TypeScript entry there too). */
async function startServerProcess(): Promise<ServerProcess> {
  const entry = fileURLToPath(new URL('./sync-server-process.ts', import.meta.url));
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      child.once('message', message => resolve(message as Record<string, unknown>));
      child.once('error', reject);
    });
  const started = await next();
  if (started.ok !== true) throw new Error(`test team server: ${String(started.message)}`);
  return {
    url: started.url as string,
    admin: started.admin as { username: string; password: string },
    async cpuMs() {
      const answer = next();
      child.send('cpu');
      return (await answer).cpuMs as number;
    },
    close: () =>
      new Promise(resolve => {
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}

/** One request a desk made to the team server, as main's forwarder sent it. */
interface Sent {
  desk: string;
  method: string;
  path: string;
  start: number;
  end: number;
}

/** The forwarder's fetch, recording when each request starts and ends. */
function recordingFetch(desk: string, log: Sent[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    const entry: Sent = {
      desk,
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^\/[^/]+/, '') + url.search,
      start: performance.now(),
      end: Number.NaN,
    };
    log.push(entry);
    const response = await fetch(input, init);
    // The body is read by the forwarder; the answer's end is close enough for a timeline.
    entry.end = performance.now();
    return response;
  };
}

async function profiled<T>(run: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(join(PROFILE_DIR, 'first-sync.cpuprofile'), JSON.stringify(profile));
    session.disconnect();
  }
}

/** The parts of one change's trip, from the requests' timeline (ms after the edit). */
interface Trip {
  total: number;
  /** Ana's debounce and pump: until her `_bulk_docs` push starts. */
  toPush: number;
  /** The push itself, until the server has answered it. */
  push: number;
  /** From the push's answer until Ben's long-poll answers. */
  wake: number;
  /** From Ben's long-poll answer until his pull's last `_bulk_get`/`_all_docs` answer. */
  pull: number;
  /** From the pull's answer until Ben's Dexie holds the change. */
  apply: number;
}

function tripOf(log: Sent[], c0: number, total: number): Trip | null {
  const after = log.filter(s => s.start >= c0 || s.end >= c0);
  const push = after.find(s => s.desk === 'ana' && s.path.startsWith('/_bulk_docs'));
  if (!push) return null;
  const wake = after.find(
    s => s.desk === 'ben' && s.path.includes('feed=longpoll') && s.end >= push.end,
  );
  if (!wake) return null;
  const fetches = after.filter(
    s =>
      s.desk === 'ben' &&
      s.start >= wake.end &&
      s.end <= c0 + total &&
      (s.path.startsWith('/_bulk_get') || s.path.startsWith('/_all_docs')),
  );
  const pulled = fetches.length > 0 ? Math.max(...fetches.map(s => s.end)) : wake.end;
  return {
    total,
    toPush: push.start - c0,
    push: push.end - push.start,
    wake: wake.end - push.end,
    pull: pulled - wake.end,
    apply: c0 + total - pulled,
  };
}

async function main(): Promise<void> {
  const server = await startServerProcess();
  try {
    const team = await testTeam({ url: server.url, admin: server.admin }, ['ana', 'ben']);
    const log: Sent[] = [];
    const ana = await testDesk(team, 'ana');
    const ben = await testDesk(team, 'ben');
    ana.remote = bridgedRemote(() => accessFor(team, 'ana'), recordingFetch('ana', log));
    ben.remote = bridgedRemote(() => accessFor(team, 'ben'), recordingFetch('ben', log));
    const work = records();

    const base = new ReadoutDB(`baseline-${Date.now()}`);
    const b0 = performance.now();
    await base.highlights.bulkPut(work);
    const baseline = performance.now() - b0;

    await ana.db.highlights.bulkPut(work);
    const server0 = await server.cpuMs();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { pushed, pushCpu } = await profiled(async () => {
      await syncRound(ana, ana.remote);
      const pushed = performance.now() - t0;
      const pushCpu = cpuMs(cpu0);
      await syncRound(ben, ben.remote);
      return { pushed, pushCpu };
    });
    const firstSync = performance.now() - t0;
    const appCpu = cpuMs(cpu0);
    const serverCpu = (await server.cpuMs()) - server0;
    const requests = log.length;
    const arrived = await ben.db.highlights.count();
    if (arrived !== COUNT) throw new Error(`Ben's desk has ${arrived} of ${COUNT} highlights`);

    const loops = [ana, ben].map(desk => new LiveSync({ desk, remote: desk.remote }));
    for (const loop of loops) loop.start();
    await new Promise(r => setTimeout(r, 1_000));
    const trips: Trip[] = [];
    const times: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const id = `h${String(i * 97).padStart(5, '0')}`;
      const note = `Changed ${i} at ${Date.now()}`;
      const c0 = performance.now();
      await ana.db.highlights.update(id, { note, updatedAt: Date.now() });
      for (;;) {
        if ((await ben.db.highlights.get(id))?.note === note) break;
        if (performance.now() - c0 > 60_000) throw new Error('the change never arrived');
        await new Promise(r => setTimeout(r, 5));
      }
      const total = performance.now() - c0;
      times.push(total);
      const trip = tripOf(log, c0, total);
      if (trip) trips.push(trip);
      // Let both loops go quiet, so each change starts from the same state.
      await new Promise(r => setTimeout(r, 1_500));
    }
    for (const loop of loops) await loop.stop();

    const per = (value: number) => `${((value / COUNT) * 1000).toFixed(0)} µs per highlight`;
    console.log(`Team sync, ${COUNT.toLocaleString('en')} highlights, two desks:`);
    console.log(`  first full sync (Ana pushes, Ben pulls and applies): ${ms(firstSync)} wall`);
    console.log(`    of which Ana's round: ${ms(pushed)} wall, ${ms(pushCpu)} app CPU`);
    console.log(`    app CPU (desks, bridge, forwarder): ${ms(appCpu)}, ${per(appCpu)}`);
    console.log(`    test server CPU (child process): ${ms(serverCpu)}, ${per(serverCpu)}`);
    console.log(`    requests to the server: ${requests}`);
    console.log(`  load average at the end: ${loadavg()[0].toFixed(1)}`);
    console.log(
      `  one change reaching the other desk (median of ${CHANGES}): ${ms(median(times))}`,
    );
    if (trips.length > 0) {
      const part = (key: keyof Trip) => ms(median(trips.map(t => t[key])));
      console.log(
        `    medians of its parts (${trips.length} trips): debounce and pump ${part('toPush')}, ` +
          `push ${part('push')}, long-poll wake ${part('wake')}, pull ${part('pull')}, ` +
          `apply ${part('apply')}`,
      );
    }
    console.log(`  baseline, bulkPut of the same records into Dexie: ${ms(baseline)}`);
  } finally {
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
