import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACTOR_FILES, ACTOR_ROLES, ActorEntrySchema, loadActorEntries } from './entries';
import countriesData from '../countries.json';

describe('loadActorEntries', () => {
  const entries = loadActorEntries();
  const codes = new Set((countriesData as { code: string }[]).map(c => c.code));

  it('parses every data file', () => {
    for (const [file, data] of Object.entries(ACTOR_FILES)) {
      const r = z.array(ActorEntrySchema).safeParse(data);
      expect(r.success, `${file}: ${r.error?.issues[0]?.message}`).toBe(true);
    }
    expect(entries.length).toBeGreaterThan(500);
  });

  it('uses known country codes, roles from the vocabulary and terms that end after they start', () => {
    const roles = new Set<string>(ACTOR_ROLES);
    const problems: string[] = [];
    for (const e of entries) {
      for (const o of e.offices) {
        if (o.country !== null && !codes.has(o.country)) problems.push(`${e.id}: ${o.country}`);
        if (!roles.has(o.role)) problems.push(`${e.id}: ${o.role}`);
        if (o.to !== null && o.to < o.from.slice(0, o.to.length)) problems.push(`${e.id}: ${o.to}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists each person once: no duplicate ids, no name or spelling shared by two entries', () => {
    const fold = (s: string) =>
      s
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    const ids = new Set<string>();
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const e of entries) {
      if (ids.has(e.id)) problems.push(`duplicate id ${e.id}`);
      ids.add(e.id);
      for (const name of new Set([e.name, ...(e.aka ?? [])].map(fold))) {
        const other = owner.get(name);
        if (other !== undefined && other !== e.id) problems.push(`${other} and ${e.id}: ${name}`);
        owner.set(name, e.id);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('ActorEntrySchema', () => {
  it('rejects a malformed office with a message naming it', () => {
    const bad = ActorEntrySchema.safeParse({
      id: 'x',
      name: 'X Y',
      offices: ['RUS|head-of-state|2000|-'],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/ISO alpha-2/);
    const backwards = ActorEntrySchema.safeParse({
      id: 'x',
      name: 'X Y',
      offices: ['RU|head-of-state|2005|2001'],
    });
    expect(backwards.error?.issues[0]?.message).toMatch(/before/);
    const role = ActorEntrySchema.safeParse({
      id: 'x',
      name: 'X Y',
      offices: ['RU|tsar|2005|-'],
    });
    expect(role.error?.issues[0]?.message).toMatch(/unknown role/);
  });
});
