import { describe, expect, it } from 'vitest';
import { segment, type Layer } from './segments';

const layer = (id: string, start: number, end: number, colour = 0): Layer => ({
  id,
  start,
  end,
  colour,
});
const ids = (runs: ReturnType<typeof segment>) =>
  runs.map(r => `${r.start}-${r.end}:${r.layers.map(l => l.id).join('+')}`);

describe('segment', () => {
  it('returns one plain run for a paragraph without highlights', () => {
    expect(ids(segment(10, 20, []))).toEqual(['10-20:']);
  });

  it('splits overlapping highlights into runs, outermost first', () => {
    const runs = segment(0, 30, [layer('b', 10, 25), layer('a', 5, 15)]);
    expect(ids(runs)).toEqual(['0-5:', '5-10:a', '10-15:b+a', '15-25:b', '25-30:']);
  });

  it('keeps adjacent highlights apart with an edge at the boundary', () => {
    const runs = segment(0, 20, [layer('a', 0, 10), layer('b', 10, 20)]);
    expect(ids(runs)).toEqual(['0-10:a', '10-20:b']);
    expect(runs.map(r => [r.starts, r.ends])).toEqual([
      [true, true],
      [true, true],
    ]);
  });

  it('nests a highlight inside another, the inner one on top', () => {
    const runs = segment(0, 20, [layer('inner', 5, 8), layer('outer', 0, 20)]);
    expect(ids(runs)).toEqual(['0-5:outer', '5-8:outer+inner', '8-20:outer']);
  });

  it('clips highlights that span several paragraphs', () => {
    expect(ids(segment(100, 120, [layer('a', 90, 110)]))).toEqual(['100-110:a', '110-120:']);
  });

  it('adds the focus range as a layer of its own', () => {
    const runs = segment(0, 20, [layer('a', 0, 10)], { start: 5, end: 15 });
    expect(runs.map(r => `${r.start}-${r.end}:${r.focus ? 'F' : ''}`)).toEqual([
      '0-5:',
      '5-10:F',
      '10-15:F',
      '15-20:',
    ]);
  });
});
