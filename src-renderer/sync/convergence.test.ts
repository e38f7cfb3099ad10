import 'fake-indexeddb/auto';
import { describe, expect, inject, it } from 'vitest';
import type {} from '../../src-main/testing/couch-context';
import { needsYourDecision } from './needs-decision';
import { syncRound } from './session';
import { edit, sampleHighlight, testDesk, testTeam, workTables, type TestDesk } from './testing';

const server = inject('couchServer');

async function settle(desks: TestDesk[], passes = 3): Promise<void> {
  for (let i = 0; i < passes; i++) for (const desk of desks) await syncRound(desk, desk.remote);
}

describe('syncRound', { timeout: 30_000 }, () => {
  it(
    'brings two desks that edited offline to the same work, merging what can be merged',
    { timeout: 60_000 },
    async () => {
      const team = await testTeam(server, ['ana', 'ben']);
      const clock = { t: 1_000 };
      const ana = await testDesk(team, 'ana', clock);
      const ben = await testDesk(team, 'ben', clock);
      await edit(ana, { table: 'highlights', key: 'h1' }, () =>
        ana.db.highlights.put(sampleHighlight('h1', ana.now(), { tags: ['energy'] })),
      );
      await edit(ana, { table: 'colourMeanings', key: 'colour-meanings' }, () =>
        ana.db.meta.put({ key: 'colours', value: ['Key point', 'Date', 'Person'] }),
      );
      await settle([ana, ben], 1);
      expect((await ben.db.highlights.get('h1'))?.tags).toEqual(['energy']);

      // Offline: Ana writes a note; Ben recolours and tags the same highlight.
      await edit(ana, { table: 'highlights', key: 'h1' }, () =>
        ana.db.highlights.update('h1', { note: 'Ask the desk officer', updatedAt: ana.now() }),
      );
      await edit(ben, { table: 'highlights', key: 'h1' }, async () => {
        const h = (await ben.db.highlights.get('h1'))!;
        await ben.db.highlights.put({
          ...h,
          colour: 3,
          tags: [...h.tags, 'follow-up'],
          updatedAt: ben.now(),
        });
      });
      // Both decide the meeting's date, differently.
      for (const [desk, date] of [
        [ana, '2026-03-04'],
        [ben, '2026-03-05'],
      ] as const) {
        const id = `dec-${desk.me}`;
        await edit(desk, { table: 'meetingDecisions', key: id }, () =>
          desk.db.meetingDecisions.put({
            id,
            meetingId: 'm1',
            kind: 'edit-field',
            field: 'date',
            value: date,
            anchors: [{ articleId: 'article-1', start: 0 }],
            createdAt: desk.now(),
            updatedAt: desk.now(),
            authorId: desk.me,
            supersedes: [],
          }),
        );
      }
      // Both rename the first colour.
      await edit(ana, { table: 'colourMeanings', key: 'colour-meanings' }, () =>
        ana.db.meta.put({ key: 'colours', value: ['Main point', 'Date', 'Person'] }),
      );
      await edit(ben, { table: 'colourMeanings', key: 'colour-meanings' }, () =>
        ben.db.meta.put({ key: 'colours', value: ['Headline', 'Date', 'Person'] }),
      );

      await settle([ana, ben]);

      const tables = await workTables(ana);
      expect(await workTables(ben)).toEqual(tables);
      expect(await ana.db.highlights.get('h1')).toMatchObject({
        note: 'Ask the desk officer',
        colour: 3,
        tags: ['energy', 'follow-up'],
      });
      const needs = await needsYourDecision(ana.db);
      expect(await needsYourDecision(ben.db)).toEqual(needs);
      expect(needs.map(n => [n.subject, n.field])).toEqual([
        ['colour-meanings', '0'],
        ['m1', 'date'],
      ]);
      const colour = needs[0].values.map(v => [v.value, v.by]).sort();
      expect(colour).toEqual([
        ['Headline', 'ben'],
        ['Main point', 'ana'],
      ]);
      const dates = needs[1].values.map(v => [v.value, v.by]).sort();
      expect(dates).toEqual([
        ['2026-03-04', 'ana'],
        ['2026-03-05', 'ben'],
      ]);
      expect(await ana.db.syncOutbox.count()).toBe(0);
      expect(await ben.db.syncOutbox.count()).toBe(0);
    },
  );
});
