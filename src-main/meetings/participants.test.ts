import { describe, expect, it } from 'vitest';
import { readPurpose } from './participants';

describe('readPurpose', () => {
  it('keeps what the meeting is for without the cue words', () => {
    expect(
      readPurpose(
        'Officials said the meeting is aimed at normalizing relations between the two neighbours.',
      ),
    ).toBe('normalizing relations between the two neighbours');
    expect(readPurpose('The talks aim to finalise a fisheries accord, the ministry said.')).toBe(
      'finalise a fisheries accord',
    );
    expect(readPurpose('The envoys met in Dakar to discuss the transition timetable.')).toBe(
      'discuss the transition timetable',
    );
  });

  it('finds no purpose where the sentence states none', () => {
    expect(readPurpose('The two presidents met in Lima on Monday.')).toBeNull();
  });
});
