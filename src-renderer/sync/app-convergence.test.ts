import 'fake-indexeddb/auto';
import { describe, expect, inject, it } from 'vitest';
import type {} from '../../src-main/testing/couch-context';
import { trashedItems, trashHighlight, untrash } from '../db/trash';
import { renameColour } from '../features/highlights/palette';
import * as commands from '../features/undo/commands';
import { resolveDecision } from '../features/team/resolve';
import { decideField, deleteMeeting, resetField } from '../meetings/actions';
import { applyDecisions, type ShownMeeting } from '../meetings/decisions';
import { meeting, mention } from '../meetings/testing';
import { needsYourDecision } from './needs-decision';
import { syncRound } from './session';
import { sampleHighlight, testDesk, testTeam, workTables, type TestDesk } from './testing';

const server = inject('couchServer');

async function settle(desks: TestDesk[], passes = 3): Promise<void> {
  for (let i = 0; i < passes; i++) for (const desk of desks) await syncRound(desk, desk.remote);
}

/** The meeting as the Meetings view shows it on `desk`, with that desk's decisions applied. */
async function shown(desk: TestDesk): Promise<ShownMeeting> {
  const machine = meeting('m1', [mention('article-1', 0, 'The two ministers met on Monday.')]);
  return applyDecisions([machine], await desk.db.meetingDecisions.toArray())[0];
}

async function highlight(desk: TestDesk, id: string) {
  const h = await desk.db.highlights.get(id);
  if (!h) throw new Error(`${id} is not on ${desk.me}'s desk`);
  return h;
}

describe('syncRound over the app’s own repositories', { timeout: 60_000 }, () => {
  it('converges two desks that edited offline, merging what can be merged and listing the rest', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const clock = { t: 1_000 };
    const ana = await testDesk(team, 'ana', clock);
    const ben = await testDesk(team, 'ben', clock);
    // Ana highlights two passages (through the undoable command the reader uses) and they sync.
    await commands.createHighlight(ana.db, sampleHighlight('h1', 10, { tags: ['energy'] })).do();
    await settle([ana, ben], 1);
    expect((await highlight(ben, 'h1')).tags).toEqual(['energy']);

    // Offline. Ana writes a note on h1; Ben recolours it and adds a tag.
    const anaH1 = await highlight(ana, 'h1');
    await commands
      .updateHighlight(
        ana.db,
        anaH1,
        { ...anaH1, note: 'Ask the desk officer', updatedAt: 20 },
        'Edit note',
      )
      .do();
    const benH1 = await highlight(ben, 'h1');
    await commands
      .updateHighlight(
        ben.db,
        benH1,
        { ...benH1, colour: 3, tags: [...benH1.tags, 'follow-up'], updatedAt: 21 },
        'Recolour',
      )
      .do();
    // Both decide the meeting's date, differently, in the Meetings view.
    const date = (start: string) => ({ start, end: null, precision: 'day' as const, text: null });
    await decideField(ana.db, await shown(ana), 'date', 'edit', date('2026-03-04'));
    await decideField(ben.db, await shown(ben), 'date', 'edit', date('2026-03-05'));
    // Both rename the first colour.
    await renameColour(ana.db, 0, 'Main point');
    await renameColour(ben.db, 0, 'Headline');

    await settle([ana, ben]);

    expect(await workTables(ben)).toEqual(await workTables(ana));
    expect(await highlight(ana, 'h1')).toMatchObject({
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
    expect(needs[0].values.map(v => [v.value, v.by]).sort()).toEqual([
      ['Headline', 'ben'],
      ['Main point', 'ana'],
    ]);
    expect(needs[1].values.map(v => [(v.value as { start: string }).start, v.by]).sort()).toEqual([
      ['2026-03-04', 'ana'],
      ['2026-03-05', 'ben'],
    ]);
    expect(await ana.db.syncOutbox.count()).toBe(0);
    expect(await ben.db.syncOutbox.count()).toBe(0);
  });

  it('carries a change of mind on a meeting field to the other desk, without a refused write', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const clock = { t: 1_000 };
    const ana = await testDesk(team, 'ana', clock);
    const ben = await testDesk(team, 'ben', clock);
    const date = (start: string) => ({ start, end: null, precision: 'day' as const, text: null });
    await decideField(ana.db, await shown(ana), 'date', 'edit', date('2026-03-04'));
    await settle([ana, ben], 1);
    expect((await shown(ben)).fields.date.value.start).toBe('2026-03-04');

    // Ana thinks again: a new date, then back to the extractor's suggestion. The server refuses
    // any edit or deletion of a decision, so each change must be a new decision.
    await decideField(ana.db, await shown(ana), 'date', 'edit', date('2026-03-06'));
    let refused = 0;
    for (const desk of [ana, ben]) refused += (await syncRound(desk, desk.remote)).refusedByServer;
    expect((await shown(ben)).fields.date.value.start).toBe('2026-03-06');
    await resetField(ana.db, await shown(ana), 'date');
    for (const desk of [ana, ben]) refused += (await syncRound(desk, desk.remote)).refusedByServer;

    expect(refused).toBe(0);
    expect((await shown(ben)).fields.date.state).toBe('suggested');
    expect((await shown(ana)).fields.date.state).toBe('suggested');
    expect(await needsYourDecision(ben.db)).toEqual([]);

    // Decisions that carry no value travel too: a rejected field, a deleted meeting.
    await decideField(ana.db, await shown(ana), 'place', 'reject');
    await deleteMeeting(ana.db, await shown(ana));
    for (const desk of [ana, ben]) refused += (await syncRound(desk, desk.remote)).refusedByServer;
    expect(refused).toBe(0);
    expect((await shown(ben)).fields.place.state).toBe('rejected');
    expect((await shown(ben)).deleted).toBe(true);
  });

  // Trash is a field (`trashedAt`, `trashedBy`), so trashing is an edit of the document, and the
  // three-way merge combines it with a colleague's edit of the same highlight.
  it('converges when one desk trashes a highlight the other edits, keeping both', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const clock = { t: 1_000 };
    const ana = await testDesk(team, 'ana', clock);
    const ben = await testDesk(team, 'ben', clock);
    await commands.createHighlight(ana.db, sampleHighlight('h2', 11)).do();
    await settle([ana, ben], 1);
    await trashHighlight(ana.db, 'h2', 30);
    const benH2 = await highlight(ben, 'h2');
    await commands
      .updateHighlight(ben.db, benH2, { ...benH2, note: 'Keep this one', updatedAt: 22 }, 'Edit')
      .do();
    await settle([ana, ben]);
    expect(await workTables(ben)).toEqual(await workTables(ana));
    // Trashed (by Ana, as Ben's trash view says) and with Ben's note.
    expect(await highlight(ben, 'h2')).toMatchObject({
      note: 'Keep this one',
      trashedAt: 30,
      trashedBy: 'ana',
    });
    expect((await trashedItems(ben.db)).map(i => [i.key, i.trashedBy])).toEqual([['h2', 'ana']]);
    expect(await needsYourDecision(ana.db)).toEqual([]);

    // Ben restores it: Ana gets it back live, with his edit.
    expect(await untrash(ben.db, 'highlight', 'h2')).toBe(true);
    await settle([ana, ben]);
    const back = await highlight(ana, 'h2');
    expect(back.note).toBe('Keep this one');
    expect(back).not.toHaveProperty('trashedAt');
    expect(await workTables(ben)).toEqual(await workTables(ana));
  });

  // The e2e run that found this: a desk decides while its replica already holds a newer team
  // revision of the record than Dexie shows (a colleague's edit pulled, not yet applied). The
  // pump then merges the decision into that revision, and used to add the team's copy of the
  // conflict back, so the entry came back on both desks after the analyst had decided it.
  it('keeps a decision made while a colleague’s later edit of the record is on its way in', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const clock = { t: 1_000 };
    const ana = await testDesk(team, 'ana', clock);
    const ben = await testDesk(team, 'ben', clock);
    await commands.createHighlight(ana.db, sampleHighlight('h3', 12)).do();
    await settle([ana, ben], 1);
    for (const [desk, note] of [
      [ana, 'Ask the embassy'],
      [ben, 'They met on Tuesday'],
    ] as const) {
      const h = await highlight(desk, 'h3');
      await commands.updateHighlight(desk.db, h, { ...h, note, updatedAt: 40 }, 'Edit').do();
    }
    await settle([ana, ben]);
    const [entry] = await needsYourDecision(ben.db);
    expect(entry?.field).toBe('note');
    expect(await needsYourDecision(ana.db)).toEqual([entry]);

    // Ana tags the highlight; her revision (still listing the conflict) reaches Ben's replica.
    const tagged = await highlight(ana, 'h3');
    await commands
      .updateHighlight(ana.db, tagged, { ...tagged, tags: ['embassy'], updatedAt: 50 }, 'Tag')
      .do();
    await syncRound(ana, ana.remote);
    await ben.local.replicate.from(ben.remote);
    // Ben decides before his desk has applied it.
    const decided = await resolveDecision(
      ben.db,
      { me: 'ben', now: () => 60 },
      entry,
      'Ask the embassy',
    );
    expect(decided.ok).toBe(true);
    await settle([ben, ana]);

    for (const desk of [ana, ben]) {
      expect(await needsYourDecision(desk.db)).toEqual([]);
      expect(await highlight(desk, 'h3')).toMatchObject({
        note: 'Ask the embassy',
        tags: ['embassy'],
      });
    }
    expect(await workTables(ben)).toEqual(await workTables(ana));
  });

  it('drains an edit committed just before a crash on restart, written once', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const ana = await testDesk(team, 'ana');
    const ben = await testDesk(team, 'ben');
    await commands
      .createHighlight(ana.db, sampleHighlight('h1', 5, { note: 'before the crash' }))
      .do();
    // The desk stops after Dexie committed the edit and its outbox row, before any push.
    const restarted = ana.restart();
    expect(await restarted.db.syncOutbox.count()).toBe(1);
    await settle([restarted, ben], 2);
    expect(await restarted.db.syncOutbox.count()).toBe(0);
    expect((await highlight(ben, 'h1')).note).toBe('before the crash');
    const doc = await restarted.local.get('highlight:h1');
    expect(doc._rev?.startsWith('1-')).toBe(true);
  });
});
