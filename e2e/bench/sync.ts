/// <reference path="../../src-renderer/sync/pouchdb.d.ts" />
/// <reference path="../../src-main/testing/express-pouchdb.d.ts" />
/// <reference types="vitest" />
/**
 * Benchmark (not a test): team sync of 10,000 highlights between two desks.
 *
 *   npx tsx e2e/bench/sync.ts [count]
 *
 * Two desks as the tests build them — the app's ReadoutDB over fake-indexeddb with the outbox
 * capture, a PouchDB replica, the team database through the bridge fetch and main's forwarder —
 * and the express-pouchdb test server, all in this one Node process (so the figures include the
 * server's own work on the same cores). Measured:
 * - first full sync: from Ana's desk holding N queued highlights (just joined) until Ben's desk
 *   holds all N (Ana's round pushes, Ben's round pulls and applies);
 * - one change: with both live loops running, from Ana's edit of one highlight until Ben's Dexie
 *   has it (debounce, push, Ben's long-poll wakes, pull, apply), median of 7;
 * - baseline: a bulkPut of the same N records into a fresh ReadoutDB with no team.
 */
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ReadoutDB, type Highlight } from '../../src-renderer/db/db';
import { LiveSync } from '../../src-renderer/sync/live';
import { syncRound } from '../../src-renderer/sync/session';
import { sampleHighlight, testDesk, testTeam } from '../../src-renderer/sync/testing';
import { startCouchServer } from '../../src-main/testing/couch-server';

const COUNT = Number(process.argv[2] ?? 10_000);
const CHANGES = 7;

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

async function main(): Promise<void> {
  const server = await startCouchServer();
  try {
    const team = await testTeam({ url: server.url, admin: server.admin }, ['ana', 'ben']);
    const ana = await testDesk(team, 'ana');
    const ben = await testDesk(team, 'ben');
    const work = records();

    const base = new ReadoutDB(`baseline-${Date.now()}`);
    const b0 = performance.now();
    await base.highlights.bulkPut(work);
    const baseline = performance.now() - b0;

    await ana.db.highlights.bulkPut(work);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await syncRound(ana, ana.remote);
    const pushed = performance.now() - t0;
    await syncRound(ben, ben.remote);
    const firstSync = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const firstSyncCpu = (cpu.user + cpu.system) / 1000;
    const arrived = await ben.db.highlights.count();
    if (arrived !== COUNT) throw new Error(`Ben's desk has ${arrived} of ${COUNT} highlights`);

    const loops = [ana, ben].map(desk => new LiveSync({ desk, remote: desk.remote }));
    for (const loop of loops) loop.start();
    await new Promise(r => setTimeout(r, 1_000));
    const times: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const id = `h${String(i * 97).padStart(5, '0')}`;
      const note = `Changed ${i} at ${Date.now()}`;
      const c0 = performance.now();
      await ana.db.highlights.update(id, { note, updatedAt: Date.now() });
      for (;;) {
        if ((await ben.db.highlights.get(id))?.note === note) break;
        if (performance.now() - c0 > 60_000) throw new Error('the change never arrived');
        await new Promise(r => setTimeout(r, 10));
      }
      times.push(performance.now() - c0);
    }
    for (const loop of loops) await loop.stop();

    console.log(`Team sync, ${COUNT.toLocaleString('en')} highlights, two desks, one process:`);
    console.log(`  first full sync (Ana pushes, Ben pulls and applies): ${ms(firstSync)}`);
    console.log(`    of which Ana's push: ${ms(pushed)}`);
    console.log(`    CPU time of the process meanwhile: ${ms(firstSyncCpu)}`);
    console.log(`  load average at the end: ${loadavg()[0].toFixed(1)}`);
    console.log(
      `  one change reaching the other desk (median of ${CHANGES}): ${ms(median(times))}`,
    );
    console.log(`    (includes the live loop's 400 ms debounce)`);
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
