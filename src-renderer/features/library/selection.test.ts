import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  extendTo,
  keepShown,
  moveIndex,
  selectOnly,
  selectedInOrder,
  toggle,
} from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('selectOnly', () => {
  it('selects one article and anchors there', () => {
    expect(selectOnly('b')).toEqual({ ids: new Set(['b']), anchor: 'b' });
  });
});

describe('toggle', () => {
  it('adds and removes one article, keeping the others', () => {
    const s = toggle(toggle(selectOnly('a'), 'c'), 'a');
    expect(ids(s)).toEqual(['c']);
    expect(s.anchor).toBe('a');
  });
});

describe('extendTo', () => {
  it('selects the range from the anchor in either direction', () => {
    expect(ids(extendTo(selectOnly('b'), order, 'd'))).toEqual(['b', 'c', 'd']);
    expect(ids(extendTo(selectOnly('d'), order, 'a'))).toEqual(['a', 'b', 'c', 'd']);
    // The anchor stays, so a second Shift-click re-draws the range from it.
    const again = extendTo(extendTo(selectOnly('c'), order, 'e'), order, 'b');
    expect(ids(again)).toEqual(['b', 'c']);
  });

  it('selects just the article without an anchor', () => {
    expect(ids(extendTo(EMPTY_SELECTION, order, 'c'))).toEqual(['c']);
  });
});

describe('keepShown', () => {
  it('drops articles a filter hid, and keeps the same object when nothing changed', () => {
    const s = extendTo(selectOnly('a'), order, 'c');
    expect(keepShown(s, new Set(order))).toBe(s);
    const kept = keepShown(s, new Set(['b', 'c']));
    expect(ids(kept)).toEqual(['b', 'c']);
    expect(kept.anchor).toBeNull();
  });
});

describe('selectedInOrder', () => {
  it('lists the selection in list order', () => {
    expect(selectedInOrder(toggle(selectOnly('d'), 'a'), order)).toEqual(['a', 'd']);
  });
});

describe('moveIndex', () => {
  it('moves by one, to either end and by a page, never past the ends', () => {
    expect(moveIndex('ArrowDown', 4, 5)).toBe(4);
    expect(moveIndex('ArrowUp', 0, 5)).toBe(0);
    expect(moveIndex('ArrowDown', 1, 5)).toBe(2);
    expect(moveIndex('End', 0, 5)).toBe(4);
    expect(moveIndex('Home', 3, 5)).toBe(0);
    expect(moveIndex('PageDown', 0, 5)).toBe(4);
    expect(moveIndex('x', 0, 5)).toBeNull();
    expect(moveIndex('ArrowDown', 0, 0)).toBeNull();
  });
});
