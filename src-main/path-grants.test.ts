import { describe, expect, it } from 'vitest';
import { createPathGrants, GRANT_TTL_MS } from './path-grants';

describe('createPathGrants', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('allows the paths of a drop once', () => {
    const grants = createPathGrants();
    grants.grant(['/home/ana/a.txt', '/home/ana/news']);
    expect(grants.take(['/home/ana/news', '/home/ana/a.txt'])).toBe(true);
    expect(grants.take(['/home/ana/a.txt'])).toBe(false);
  });

  it('allows part of a drop (the page may skip some files)', () => {
    const grants = createPathGrants();
    grants.grant(['/home/ana/a.txt', '/home/ana/b.txt']);
    expect(grants.take(['/home/ana/b.txt'])).toBe(true);
  });

  it('refuses a path that was never dropped, and keeps the real grant for the real import', () => {
    const grants = createPathGrants();
    grants.grant(['/home/ana/a.txt']);
    expect(grants.take(['/etc/shadow'])).toBe(false);
    expect(grants.take(['/home/ana/a.txt', '/etc/shadow'])).toBe(false);
    expect(grants.take([])).toBe(false);
    expect(grants.take(['/home/ana/a.txt'])).toBe(true);
  });

  it('never joins two drops into one import', () => {
    const grants = createPathGrants();
    grants.grant(['/home/ana/a.txt']);
    grants.grant(['/home/ana/b.txt']);
    expect(grants.take(['/home/ana/a.txt', '/home/ana/b.txt'])).toBe(false);
  });

  it('lets a grant lapse after its time-to-live', () => {
    const { now, advance } = clock();
    const grants = createPathGrants({ now });
    grants.grant(['/home/ana/a.txt']);
    grants.grant(['/home/ana/b.txt']);
    advance(GRANT_TTL_MS - 1);
    expect(grants.take(['/home/ana/a.txt'])).toBe(true);
    advance(1);
    expect(grants.take(['/home/ana/b.txt'])).toBe(false);
  });

  it('keeps only the newest drops when flooded with grants', () => {
    const grants = createPathGrants();
    grants.grant(['/home/ana/first.txt']);
    for (let i = 0; i < 100; i++) grants.grant([`/tmp/${i}.txt`]);
    expect(grants.take(['/home/ana/first.txt'])).toBe(false);
    expect(grants.take(['/tmp/99.txt'])).toBe(true);
  });
});
