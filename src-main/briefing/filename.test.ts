import { describe, expect, it } from 'vitest';
import { seedMeeting } from './fixtures';
import { briefingFileName, MAX_FILE_STEM, slugify, uniqueFileName } from './filename';

describe('briefingFileName', () => {
  it('proposes date-place-title.pdf', () => {
    expect(briefingFileName(seedMeeting())).toBe(
      '2023-04-25-moscow-quadrilateral-meeting-of-defence-ministers-of-iran-russia-syria-and-turkiye.pdf',
    );
  });

  it('folds accents and transliterates Cyrillic to ASCII', () => {
    const m = {
      ...seedMeeting(),
      title: 'Erdoğan – Лавров talks',
      place: { city: 'Ankara', country: null, venue: null },
    };
    expect(briefingFileName(m)).toBe('2023-04-25-ankara-erdogan-lavrov-talks.pdf');
  });

  it('says undated when there is no date and keeps the date only as precise as it is', () => {
    const m = seedMeeting();
    expect(
      briefingFileName({
        ...m,
        date: { start: null, end: null, precision: 'unknown', text: null },
      }),
    ).toMatch(/^undated-moscow-/);
    expect(
      briefingFileName({
        ...m,
        date: { start: '2023-04-01', end: null, precision: 'month', text: null },
      }),
    ).toMatch(/^2023-04-moscow-/);
  });

  it('never yields a path separator, a dot file or an over-long name', () => {
    const m = {
      ...seedMeeting(),
      title: `../../etc/passwd ${'x'.repeat(300)} \\ C:\\evil`,
      place: { city: '..', country: null, venue: null },
    };
    const name = briefingFileName(m);
    expect(name).toMatch(/^[a-z0-9-]+\.pdf$/);
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_STEM + 4);
    expect(name.startsWith('.')).toBe(false);
  });

  it('does not repeat the place when the title starts with it', () => {
    const m = { ...seedMeeting(), title: 'Moscow talks' };
    expect(briefingFileName(m)).toBe('2023-04-25-moscow-talks.pdf');
  });

  it('falls back to "meeting" for a title in an unsupported script', () => {
    const m = {
      ...seedMeeting(),
      title: '会议',
      place: { city: null, country: null, venue: null },
    };
    expect(briefingFileName(m)).toBe('2023-04-25-meeting.pdf');
  });
});

describe('slugify', () => {
  it('lower-cases and hyphenates', () => {
    expect(slugify('  Hello, World!  ')).toBe('hello-world');
  });
});

describe('uniqueFileName', () => {
  it('numbers repeated names, ignoring case', () => {
    const taken = new Set<string>();
    expect(uniqueFileName('a.pdf', taken)).toBe('a.pdf');
    expect(uniqueFileName('A.pdf', taken)).toBe('A-2.pdf');
    expect(uniqueFileName('a.pdf', taken)).toBe('a-3.pdf');
  });
});
