import 'fake-indexeddb/auto';
import { describe, expect, inject, it } from 'vitest';
import type {} from '../../src-main/testing/couch-context';
import { prng } from '../../src-main/testing/prng';
import { needsYourDecision } from './needs-decision';
import { syncRound } from './session';
import { edit, sampleHighlight, testDesk, testTeam, workTables, type TestDesk } from './testing';

const server = inject('couchServer');

/** Bounded for a shared two-core machine: each run is a fresh team of three desks. */
const RUNS = 8;
const STEPS = 16;

describe('syncRound', { timeout: 240_000 }, () => {
  it('brings three desks to the same work after random offline edits and network splits', async () => {
    for (let run = 0; run < RUNS; run++) {
      const random = prng(1000 + run);
      const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
      const team = await testTeam(server, ['ana', 'ben', 'cy']);
      const clock = { t: 1_000 };
      const desks: TestDesk[] = await Promise.all(
        ['ana', 'ben', 'cy'].map(me => testDesk(team, me, clock)),
      );
      const created = new Set<string>();
      const deleted = new Set<string>();
      const written = new Set<string>(['Key point', 'Date', 'Person'].map(n => JSON.stringify(n)));
      for (let step = 0; step < STEPS; step++) {
        const desk = pick(desks);
        const db = desk.db;
        const op = random();
        const id = pick(['h0', 'h1', 'h2']);
        const existing = await db.highlights.get(id);
        if (op < 0.25) {
          // A split: only this desk reaches the server now.
          await syncRound(desk, desk.remote);
        } else if (!existing && op < 0.4) {
          await edit(desk, { table: 'highlights', key: id }, () =>
            db.highlights.put(sampleHighlight(id, desk.now())),
          );
          created.add(id);
        } else if (existing && op < 0.55) {
          const note = `note ${run}.${step}`;
          written.add(JSON.stringify(note));
          await edit(desk, { table: 'highlights', key: id }, () =>
            db.highlights.update(id, { note, updatedAt: desk.now() }),
          );
        } else if (existing && op < 0.65) {
          const colour = Math.floor(random() * 8);
          written.add(JSON.stringify(colour));
          await edit(desk, { table: 'highlights', key: id }, () =>
            db.highlights.update(id, { colour, updatedAt: desk.now() }),
          );
        } else if (existing && op < 0.75) {
          const tag = pick(['t0', 't1', 't2']);
          const tags = existing.tags.includes(tag)
            ? existing.tags.filter(t => t !== tag)
            : [...existing.tags, tag];
          await edit(desk, { table: 'highlights', key: id }, () =>
            db.highlights.update(id, { tags, updatedAt: desk.now() }),
          );
        } else if (existing && op < 0.78) {
          deleted.add(id);
          await edit(desk, { table: 'highlights', key: id }, () => db.highlights.delete(id));
        } else if (op < 0.88) {
          const names = ((await db.meta.get('colours'))?.value as string[] | undefined) ?? [
            'Key point',
            'Date',
            'Person',
          ];
          const slot = Math.floor(random() * 3);
          const name = `${desk.me} ${step}`;
          written.add(JSON.stringify(name));
          const next = names.map((n, i) => (i === slot ? name : n));
          await edit(desk, { table: 'colourMeanings', key: 'colour-meanings' }, () =>
            db.meta.put({ key: 'colours', value: next }),
          );
        } else {
          const meetingId = pick(['m0', 'm1']);
          const heads = (
            await db.meetingDecisions.where('meetingId').equals(meetingId).toArray()
          ).map(d => d.id);
          const decisionId = `d-${desk.me}-${step}`;
          const value = `2026-04-${10 + step}`;
          written.add(JSON.stringify(value));
          await edit(desk, { table: 'meetingDecisions', key: decisionId }, () =>
            db.meetingDecisions.put({
              id: decisionId,
              meetingId,
              kind: 'edit-field',
              field: 'date',
              value,
              anchors: [],
              createdAt: desk.now(),
              updatedAt: desk.now(),
              authorId: desk.me,
              supersedes: heads,
            }),
          );
        }
      }
      // Everyone reconnects.
      for (let pass = 0; pass < 3; pass++)
        for (const desk of desks) await syncRound(desk, desk.remote);

      const reference = await workTables(desks[0]);
      const needs = await needsYourDecision(desks[0].db);
      for (const desk of desks.slice(1)) {
        expect(await workTables(desk), `run ${run}, ${desk.me}`).toEqual(reference);
        expect(await needsYourDecision(desk.db), `run ${run}, ${desk.me}`).toEqual(needs);
      }
      for (const desk of desks) expect(await desk.db.syncOutbox.count()).toBe(0);
      const ids = (reference.highlights as { id: string }[]).map(h => h.id);
      for (const id of created) if (!deleted.has(id)) expect(ids, `run ${run}`).toContain(id);
      for (const entry of needs) {
        expect(['updatedAt', 'createdAt']).not.toContain(entry.field);
        for (const v of entry.values)
          expect(written, `run ${run} ${entry.id}`).toContain(JSON.stringify(v.value));
      }
      for (const desk of desks) desk.db.close();
    }
  });
});
