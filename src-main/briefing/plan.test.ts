import { describe, expect, it } from 'vitest';
import { BriefingInputSchema } from '../contract';
import { seedInput } from './fixtures';
import { planBriefing } from './plan';

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
