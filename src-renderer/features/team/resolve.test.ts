import 'fake-indexeddb/auto';
import { describe, expect, inject, it } from 'vitest';
import type {} from '../../../src-main/testing/couch-context';
import { needsYourDecision, type DecisionNeeded } from '../../sync/needs-decision';
import { syncRound } from '../../sync/session';
import { edit, sampleHighlight, testDesk, testTeam, type TestDesk } from '../../sync/testing';
import { isEditable, resolveDecision, sidesOf } from './resolve';

const server = inject('couchServer');

async function settle(desks: TestDesk[], passes = 3): Promise<void> {
  for (let i = 0; i < passes; i++) for (const desk of desks) await syncRound(desk, desk.remote);
}

/** Two desks that wrote different notes on one highlight while apart, then met again. */
async function conflictingNotes(): Promise<[TestDesk, TestDesk]> {
  const team = await testTeam(server, ['ana', 'ben']);
  const clock = { t: 1_000 };
  const ana = await testDesk(team, 'ana', clock);
  const ben = await testDesk(team, 'ben', clock);
  await edit(ana, { table: 'highlights', key: 'h1' }, () =>
    ana.db.highlights.put(sampleHighlight('h1', ana.now())),
  );
  await settle([ana, ben], 1);
  for (const [desk, note] of [
    [ana, 'Check the date with the embassy'],
    [ben, 'The ministers met twice'],
  ] as const) {
    await edit(desk, { table: 'highlights', key: 'h1' }, () =>
      desk.db.highlights.update('h1', { note, updatedAt: desk.now() }),
    );
  }
  await settle([ana, ben]);
  return [ana, ben];
}

const decider = (desk: TestDesk) => ({ me: desk.me, now: desk.now, newId: () => 'dec-resolved' });

describe('resolveDecision', { timeout: 60_000 }, () => {
  it('keeps a teammate’s note on both desks and clears the entry on both', async () => {
    const [ana, ben] = await conflictingNotes();
    const [item] = await needsYourDecision(ana.db);
    expect(item).toMatchObject({ subject: 'highlight:h1', field: 'note' });
    expect((await needsYourDecision(ben.db)).map(n => n.id)).toEqual([item.id]);

    const theirs = sidesOf(item, 'ana').theirs[0];
    expect(theirs).toMatchObject({ value: 'The ministers met twice', by: 'ben' });
    expect(await resolveDecision(ana.db, decider(ana), item, theirs.value)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await needsYourDecision(ana.db)).toEqual([]);
    await settle([ana, ben]);

    expect(await needsYourDecision(ana.db)).toEqual([]);
    expect(await needsYourDecision(ben.db)).toEqual([]);
    expect((await ana.db.highlights.get('h1'))?.note).toBe('The ministers met twice');
    expect((await ben.db.highlights.get('h1'))?.note).toBe('The ministers met twice');
  });

  it('writes the analyst’s own edited text to both desks', async () => {
    const [ana, ben] = await conflictingNotes();
    const [item] = await needsYourDecision(ben.db);
    expect(isEditable(item)).toBe(true);
    const result = await resolveDecision(ben.db, decider(ben), item, 'Met twice; date unclear');
    expect(result.ok).toBe(true);
    await settle([ana, ben]);
    expect((await ana.db.highlights.get('h1'))?.note).toBe('Met twice; date unclear');
    expect(await needsYourDecision(ana.db)).toEqual([]);
  });

  it('settles a meeting date decided twice with a decision that supersedes both', async () => {
    const team = await testTeam(server, ['ana', 'ben']);
    const clock = { t: 1_000 };
    const ana = await testDesk(team, 'ana', clock);
    const ben = await testDesk(team, 'ben', clock);
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
          anchors: [{ articleId: 'article-1', start: desk.me === 'ana' ? 0 : 40 }],
          createdAt: desk.now(),
          updatedAt: desk.now(),
          authorId: desk.me,
          supersedes: [],
        }),
      );
    }
    await settle([ana, ben]);
    const [item] = await needsYourDecision(ben.db);
    expect(item).toMatchObject({ source: 'meeting', subject: 'm1', field: 'date' });
    expect(sidesOf(item, 'ben').mine?.value).toBe('2026-03-05');

    expect((await resolveDecision(ben.db, decider(ben), item, '2026-03-04')).ok).toBe(true);
    await settle([ana, ben]);

    expect(await needsYourDecision(ana.db)).toEqual([]);
    expect(await needsYourDecision(ben.db)).toEqual([]);
    expect(await ana.db.meetingDecisions.get('dec-resolved')).toMatchObject({
      value: '2026-03-04',
      authorId: 'ben',
      supersedes: ['dec-ana', 'dec-ben'],
      anchors: [
        { articleId: 'article-1', start: 0 },
        { articleId: 'article-1', start: 40 },
      ],
    });
  });

  it('refuses a value the entry does not offer for a field that is not text', async () => {
    const item: DecisionNeeded = {
      id: 'highlight:h1|colour',
      source: 'doc',
      subject: 'highlight:h1',
      field: 'colour',
      values: [
        { value: 1, by: 'ana', at: 1 },
        { value: 3, by: 'ben', at: 2 },
      ],
    };
    const [ana] = await conflictingNotes();
    const before = await ana.db.highlights.get('h1');
    const result = await resolveDecision(ana.db, decider(ana), item, 7);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await ana.db.highlights.get('h1')).toEqual(before);
    expect(await ana.db.syncOutbox.count()).toBe(0);
  });

  it('says a teammate decided first, and changes nothing, when the entry is gone', async () => {
    const [ana, ben] = await conflictingNotes();
    const [item] = await needsYourDecision(ana.db);
    expect((await resolveDecision(ben.db, decider(ben), item, item.values[0].value)).ok).toBe(true);
    await settle([ben, ana]);
    const before = await ana.db.highlights.get('h1');
    const late = await resolveDecision(ana.db, decider(ana), item, item.values[1].value);
    expect(late).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await ana.db.highlights.get('h1')).toEqual(before);
    expect(await ana.db.syncOutbox.count()).toBe(0);
  });
});

describe('sidesOf', () => {
  it('takes the analyst’s latest value as theirs and the rest as the teammates’', () => {
    const item: DecisionNeeded = {
      id: 'x|note',
      source: 'doc',
      subject: 'x',
      field: 'note',
      values: [
        { value: 'a', by: 'ana', at: 1 },
        { value: 'b', by: 'ben', at: 2 },
        { value: 'c', by: 'ana', at: 3 },
      ],
    };
    expect(sidesOf(item, 'ana')).toEqual({
      mine: { value: 'c', by: 'ana', at: 3 },
      theirs: [
        { value: 'a', by: 'ana', at: 1 },
        { value: 'b', by: 'ben', at: 2 },
      ],
    });
    expect(sidesOf(item, 'cem').mine).toBeNull();
  });
});

describe('isEditable', () => {
  it('lets the analyst write text only where every value is text', () => {
    const base = { id: 'x', source: 'doc' as const, subject: 'x', field: 'f' };
    expect(isEditable({ ...base, values: [{ value: 'a', by: 'a', at: 1 }] })).toBe(true);
    expect(isEditable({ ...base, values: [{ value: 2, by: 'a', at: 1 }] })).toBe(false);
  });

  it('offers no free text for a field whose text has a form: a date, an address, a name', () => {
    const values = [
      { value: '2024-05-02', by: 'ana', at: 1 },
      { value: '2024-05-03', by: 'ben', at: 2 },
    ];
    const item = { id: 'x', source: 'doc' as const, subject: 'article:a1', values };
    expect(isEditable({ ...item, field: 'published' })).toBe(false);
    expect(isEditable({ ...item, field: 'url' })).toBe(false);
    expect(isEditable({ ...item, field: 'trashedBy' })).toBe(false);
    expect(isEditable({ ...item, field: 'title' })).toBe(true);
  });
});
