/**
 * The three-desk property test: random edits made through the app's own commands — the ones the
 * reader, the highlights panel, the colour meanings, the Meetings view and Needs your decision
 * call — with random network splits (one desk at a time reaches the server), then everyone
 * reconnects. Seeded (src-main/testing/prng), so a failing run replays from its number.
 */
import 'fake-indexeddb/auto';
import { describe, expect, inject, it } from 'vitest';
import type {} from '../../src-main/testing/couch-context';
import { prng } from '../../src-main/testing/prng';
import type { Highlight } from '../db/db';
import { newHighlight } from '../db/highlights';
import { isTrashed, untrash } from '../db/trash';
import { resolveDecision } from '../features/team/resolve';
import { DEFAULT_MEANINGS, meaningsFrom, renameColour } from '../features/highlights/palette';
import * as commands from '../features/undo/commands';
import { decideField, resetField } from '../meetings/actions';
import { applyDecisions, type ShownMeeting } from '../meetings/decisions';
import { meeting, mention } from '../meetings/testing';
import { needsYourDecision } from './needs-decision';
import { setAsideDocuments } from './outbox';
import { syncRound } from './session';
import { testDesk, testTeam, workTables, type TestDesk } from './testing';

const server = inject('couchServer');

/** Bounded for a shared two-core machine: each run is a fresh team of three desks. */
const RUNS = 16;
const STEPS = 30;

/** A made-up article text the highlights are made in. */
const ARTICLE = {
  id: 'article-1',
  text: 'In a short statement the two envoys said they would meet again after the spring session.',
  contentHash: 'hash-1',
};

/** The meeting as the Meetings view shows it on `desk`, with that desk's decisions applied. */
async function shown(desk: TestDesk): Promise<ShownMeeting> {
  const machine = meeting('m1', [mention('article-1', 0, 'The two envoys met on Monday.')]);
  return applyDecisions([machine], await desk.db.meetingDecisions.toArray())[0];
}

/** One value written to one field, and whether a later edit made over it replaced it. */
interface Write {
  field: string;
  value: string;
  by: string;
  replaced: boolean;
}

/**
 * Every write the run made, by `<subject>|<field>` (the subject as Needs your decision names it),
 * so that after reconnecting each can be found: the winner, a conflict version, or replaced by an
 * edit made on a desk that held it (for decisions: superseded by a later decision).
 */
class Writes {
  readonly all: Write[] = [];
  wrote(field: string, value: unknown, by: string): void {
    this.all.push({ field, value: JSON.stringify(value), by, replaced: false });
  }
  /** An edit was made over `value` of `field`: every write of that value there is replaced. */
  over(field: string, value: unknown): void {
    const json = JSON.stringify(value);
    for (const w of this.all) if (w.field === field && w.value === json) w.replaced = true;
  }
  values(): Set<string> {
    return new Set(this.all.map(w => w.value));
  }
}

const date = (start: string) => ({ start, end: null, precision: 'day' as const, text: null });

async function step(
  desk: TestDesk,
  random: () => number,
  writes: Writes,
  label: string,
): Promise<void> {
  const db = desk.db;
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const op = random();
  const all = await db.highlights.toArray();
  const target: Highlight | undefined = all.length > 0 ? pick(all) : undefined;
  const doc = (h: Highlight, field: string) => `highlight:${h.id}|${field}`;
  const now = desk.now();
  if (op < 0.2) {
    // A split: only this desk reaches the server now.
    await syncRound(desk, desk.remote);
  } else if (!target || op < 0.3) {
    // Selecting text in the reader and choosing a colour.
    const start = Math.floor(random() * 40);
    const colour = Math.floor(random() * 8);
    const h = {
      ...newHighlight(ARTICLE, start, start + 10, colour, now),
      id: `h-${label}`,
    };
    await commands.createHighlight(db, h).do();
    writes.wrote(doc(h, 'note'), '', desk.me);
    writes.wrote(doc(h, 'colour'), colour, desk.me);
  } else if (op < 0.42) {
    const note = `note ${label}`;
    writes.over(doc(target, 'note'), target.note);
    writes.wrote(doc(target, 'note'), note, desk.me);
    await commands
      .updateHighlight(db, target, { ...target, note, updatedAt: now }, 'Edit note')
      .do();
  } else if (op < 0.5) {
    // Another colour: choosing the same one again changes nothing, so it is no write.
    const colour = (target.colour + 1 + Math.floor(random() * 7)) % 8;
    writes.over(doc(target, 'colour'), target.colour);
    writes.wrote(doc(target, 'colour'), colour, desk.me);
    await commands
      .updateHighlight(db, target, { ...target, colour, updatedAt: now }, 'Recolour')
      .do();
  } else if (op < 0.58) {
    const tag = pick(['energy', 'follow-up', 'visit']);
    const tags = target.tags.includes(tag)
      ? target.tags.filter(t => t !== tag)
      : [...target.tags, tag];
    await commands.updateHighlight(db, target, { ...target, tags, updatedAt: now }, 'Tag').do();
  } else if (op < 0.64) {
    // The trash, both ways, as the highlights panel and the trash view do it.
    writes.over(doc(target, 'trashedAt'), target.trashedAt);
    writes.over(doc(target, 'trashedBy'), target.trashedBy);
    if (isTrashed(target)) await untrash(db, 'highlight', target.id, now);
    else await commands.deleteHighlight(db, target).do();
    // The trash stamps its own time and name: record what it wrote.
    const after = await db.highlights.get(target.id);
    writes.wrote(doc(target, 'trashedAt'), after?.trashedAt, desk.me);
    writes.wrote(doc(target, 'trashedBy'), after?.trashedBy, desk.me);
  } else if (op < 0.74) {
    const slot = Math.floor(random() * 3);
    const name = `${desk.me} ${label}`;
    const before = meaningsFrom((await db.meta.get('colours'))?.value);
    writes.over(`colour-meanings|${slot}`, before[slot]);
    writes.wrote(`colour-meanings|${slot}`, name, desk.me);
    await renameColour(db, slot, name);
  } else if (op < 0.86) {
    // Deciding the meeting's date in the Meetings view (now and then handing it back).
    const m = await shown(desk);
    // Deciding supersedes every decision of the field the desk holds, not only the one shown.
    writes.over('m1|date', m.fields.date.value);
    for (const d of await db.meetingDecisions.bulkGet(m.decisionIds.fields.date))
      if (d) writes.over('m1|date', d.value);
    if (op < 0.84) {
      const value = date(`2026-04-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`);
      writes.wrote('m1|date', value, desk.me);
      await decideField(db, m, 'date', 'edit', value);
    } else {
      await resetField(db, m, 'date');
    }
  } else {
    // Needs your decision: keep one of the values shown.
    const needs = await needsYourDecision(db);
    if (needs.length === 0) return;
    const item = pick(needs);
    const value = pick(item.values).value;
    for (const v of item.values) writes.over(`${item.subject}|${item.field}`, v.value);
    writes.wrote(`${item.subject}|${item.field}`, value, desk.me);
    let n = 0;
    const result = await resolveDecision(
      db,
      { me: desk.me, now: desk.now, newId: () => `d-${label}-${n++}` },
      item,
      value,
    );
    expect(result.ok, `${label}: ${JSON.stringify(result)}`).toBe(true);
  }
}

/**
 * A trash that lost to an earlier one: both desks trashed the record, and the merge keeps the
 * earlier trash (time and analyst) without asking (field-merge.ts). The record is in the trash
 * no later than this desk put it there.
 */
async function earlierTrashKept(desk: TestDesk, writes: Writes, w: Write): Promise<boolean> {
  const cut = w.field.lastIndexOf('|');
  const subject = w.field.slice(0, cut);
  const name = w.field.slice(cut + 1);
  if (name !== 'trashedAt' && name !== 'trashedBy') return false;
  const finalAt = await finalValue(desk, `${subject}|trashedAt`);
  if (finalAt === undefined || finalAt === JSON.stringify(undefined)) return false;
  return writes.all.some(
    x =>
      x.field === `${subject}|trashedAt` &&
      x.by === w.by &&
      !x.replaced &&
      x.value !== undefined &&
      Number(JSON.parse(x.value)) >= Number(JSON.parse(finalAt)),
  );
}

/** The field's value on the final desk, as the subject|field key names it. */
async function finalValue(desk: TestDesk, field: string): Promise<string | undefined> {
  const [subject, name] = field.split('|');
  if (subject === 'm1') return JSON.stringify((await shown(desk)).fields.date.value);
  if (subject === 'colour-meanings') {
    return JSON.stringify(meaningsFrom((await desk.db.meta.get('colours'))?.value)[Number(name)]);
  }
  const h = await desk.db.highlights.get(subject.slice('highlight:'.length));
  return h ? JSON.stringify((h as unknown as Record<string, unknown>)[name]) : undefined;
}

describe('syncRound over the app’s commands', { timeout: 120_000 }, () => {
  it('brings three desks to the same work after random offline edits and network splits', async () => {
    for (let run = 0; run < RUNS; run++) {
      const random = prng(2000 + run);
      const team = await testTeam(server, ['ana', 'ben', 'cy']);
      const clock = { t: 1_000 };
      const desks: TestDesk[] = await Promise.all(
        ['ana', 'ben', 'cy'].map(me => testDesk(team, me, clock)),
      );
      const writes = new Writes();
      const decisions = new Set<string>();
      for (let s = 0; s < STEPS; s++) {
        const desk = desks[Math.floor(random() * desks.length)];
        await step(desk, random, writes, `${run}.${s}.${desk.me}`);
        for (const d of await desk.db.meetingDecisions.toArray()) decisions.add(d.id);
      }
      // Everyone reconnects.
      for (let pass = 0; pass < 3; pass++)
        for (const desk of desks) await syncRound(desk, desk.remote);

      const at = `run ${run}`;
      const reference = await workTables(desks[0]);
      const needs = await needsYourDecision(desks[0].db);
      for (const desk of desks.slice(1)) {
        expect(await workTables(desk), `${at}, ${desk.me}`).toEqual(reference);
        expect(await needsYourDecision(desk.db), `${at}, ${desk.me}`).toEqual(needs);
      }
      for (const desk of desks) {
        expect(await desk.db.syncOutbox.count(), `${at}, ${desk.me}`).toBe(0);
        expect(await setAsideDocuments(desk.db), `${at}, ${desk.me}`).toBe(0);
      }
      // Every write is the winner, a conflict version, or replaced by an edit made over it.
      const versions = new Map<string, Set<string>>();
      for (const entry of needs) {
        const key = `${entry.subject}|${entry.field}`;
        versions.set(key, new Set(entry.values.map(v => JSON.stringify(v.value))));
      }
      for (const w of writes.all.filter(w => !w.replaced)) {
        const winner = await finalValue(desks[0], w.field);
        const kept =
          winner === w.value ||
          versions.get(w.field)?.has(w.value) ||
          (await earlierTrashKept(desks[0], writes, w));
        expect(kept, `${at}: ${w.by}'s ${w.value} in ${w.field} (final ${winner})`).toBe(true);
      }
      // Decisions are immutable: every one made is on every desk, heads and superseded alike,
      // and each names only decisions that exist (its supersedes chain is whole).
      const ids = new Set((reference.meetingDecisions as { id: string }[]).map(d => d.id));
      for (const id of decisions) expect(ids, at).toContain(id);
      for (const d of reference.meetingDecisions as { supersedes?: string[] }[])
        for (const old of d.supersedes ?? []) expect(ids, at).toContain(old);
      // And nothing in Needs your decision that nobody wrote (a rename writes the whole list,
      // so a desk's first one also writes the default names of the other slots).
      const written = writes.values();
      for (const name of DEFAULT_MEANINGS) written.add(JSON.stringify(name));
      for (const entry of needs) {
        expect(['updatedAt', 'createdAt']).not.toContain(entry.field);
        for (const v of entry.values)
          expect(written, `${at} ${entry.id}`).toContain(JSON.stringify(v.value));
      }
      for (const desk of desks) desk.db.close();
    }
  });
});
