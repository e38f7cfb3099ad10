import { describe, expect, it } from 'vitest';
import { BriefingInputSchema } from '../contract';
import { seedInput } from './fixtures';
import { planBriefing, suggestBottomLine } from './plan';

/** The bullets of the "Where sources differ" section, or [] when there is none. */
function differences(draft = seedInput()): string[] {
  const plan = planBriefing(BriefingInputSchema.parse(draft));
  const section = plan.sections.find(s => s.id === 'disagreements');
  return (section?.items ?? []).map(item => (item.kind === 'bullet' ? item.text : ''));
}

describe('planBriefing › where sources differ', () => {
  it('lists each status as its sources report it, with their citation numbers', () => {
    // The seed meeting: one article says held, the other scheduled; both give 25 April.
    expect(differences()).toEqual(['Status: held [1]; scheduled [2].']);
  });

  it('prints the place disagreements the extractor recorded', () => {
    const draft = seedInput();
    draft.meeting.disagreements = [
      {
        field: 'place',
        values: [
          { value: 'Moscow, Russia', file: 'seeds/000_46ab9c03f578ed2c.txt' },
          { value: 'Sochi, Russia', file: 'seeds/004_5e147edb248d0a50.txt' },
        ],
      },
    ];
    expect(differences(draft)).toContain('Place: Moscow, Russia [1]; Sochi, Russia [2].');
  });

  it('does not count a source that is silent on the date as disagreeing', () => {
    const draft = seedInput();
    const [first, second] = draft.meeting.mentions;
    draft.meeting.mentions = [
      { ...first, status: 'held' },
      {
        ...second,
        status: 'held',
        date: { start: null, end: null, precision: 'unknown', text: null },
      },
    ];
    expect(differences(draft)).toEqual([]);
  });
});

/** Every string the plan prints, in reading order. */
function printed(draft = seedInput()): string {
  const plan = planBriefing(BriefingInputSchema.parse(draft));
  const texts = plan.sections.flatMap(s =>
    s.items.map(item => {
      switch (item.kind) {
        case 'quote':
          return `${item.quote} ${item.cite} ${item.note ?? ''}`;
        case 'person':
          return `${item.name} ${item.detail ?? ''}`;
        case 'fact':
        case 'source':
          return `${item.label} ${item.text}`;
        case 'paragraph':
          return `${item.lead ?? ''}${item.text}`;
        case 'entry':
          return `${item.title} ${item.meta} ${item.line} ${item.cites}`;
        default:
          return item.text;
      }
    }),
  );
  return [plan.meta, ...texts].join('\n');
}

describe('planBriefing › the analyst’s edits', () => {
  it('leads with the analyst’s bottom line, or a suggestion marked as one', () => {
    const suggested = planBriefing(BriefingInputSchema.parse(seedInput()));
    expect(suggested.sections[0].id).toBe('bottomLine');
    expect(suggested.bottomLine.suggested).toBe(true);
    expect(suggested.bottomLine.text).toMatch(
      /^Iran, Russia, Syria and Türkiye met .* in Moscow on 25 April 2023/,
    );
    const draft = { ...seedInput(), edits: { bottomLine: 'Ankara and Damascus edge closer.' } };
    const written = planBriefing(BriefingInputSchema.parse(draft));
    expect(written.bottomLine).toEqual({
      text: 'Ankara and Damascus edge closer.',
      suggested: false,
    });
  });

  it('suggests a purpose that brings its own verb without repeating “discuss”', () => {
    const { meeting } = BriefingInputSchema.parse(seedInput());
    const line = (purpose: string) => suggestBottomLine({ ...meeting, purpose });
    expect(line('discuss trade and the border crossings')).toMatch(
      / to discuss trade and the border crossings\.$/,
    );
    expect(line('Discuss trade.')).not.toMatch(/discuss discuss/i);
    expect(line('normalize ties after the dispute')).toMatch(
      / to normalize ties after the dispute\.$/,
    );
    // A purpose without a verb of its own still reads as what they discussed.
    expect(line('the grain corridor')).toMatch(/ to discuss the grain corridor\.$/);
  });

  it('prints the key points in the analyst’s order and wording, with their source numbers', () => {
    const draft = {
      ...seedInput(),
      edits: {
        keyPoints: [
          { text: 'Second point first', articleId: '5e147edb248d0a50' },
          { text: 'My own point', articleId: null },
        ],
      },
    };
    const plan = planBriefing(BriefingInputSchema.parse(draft));
    const points = plan.sections
      .find(s => s.id === 'keyPoints')!
      .items.filter(i => i.kind === 'bullet');
    expect(points.map(p => (p.kind === 'bullet' ? p.text : ''))).toEqual([
      'Second point first [2]',
      'My own point',
    ]);
  });
});

describe('planBriefing › what prints', () => {
  it('renders Markdown in highlight notes: no raw ** or [text](address), links cited as sources', () => {
    const draft = seedInput();
    draft.highlights[0].note = '**Check** this against [Reuters](https://example.org/r1) first.';
    const text = printed(draft);
    expect(text).toContain('Check this against Reuters [3] first.');
    expect(text).not.toMatch(/\*\*|\]\(/);
    expect(text).toContain('[3] “Reuters”, https://example.org/r1');
  });

  it('names sources by publisher, title and date, and by file only when nothing else is known', () => {
    const draft = seedInput();
    draft.sources[1] = { ...draft.sources[1], title: '', publisher: null, published: null };
    const text = printed(draft);
    expect(text).toContain(
      '[1] Tehran Times, “Iran’s defense minister in Moscow for quadrilateral meeting”, 25 April 2023.',
    );
    expect(text).not.toContain('000_46ab9c03f578ed2c.txt');
    expect(text).toContain('[2] 004_5e147edb248d0a50.txt.');
  });

  it('marks the fields the extractor inferred and explains the mark', () => {
    const draft = seedInput();
    draft.meeting.confidence = { place: { confidence: 'medium', basis: 'context' } };
    draft.meeting.outcome = 'postponed';
    const text = printed(draft);
    expect(text).toMatch(/Moscow, Russia †/);
    expect(text).not.toMatch(/25 April 2023 †/);
    expect(text).toContain('Postponed');
    expect(text).toMatch(/†\s+Inferred by Readout/);
    expect(printed()).not.toContain('†');
  });
});
