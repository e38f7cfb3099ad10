import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from './wire';

describe('encodeWire', () => {
  it('sends bytes as {"$bytes": base64}', () => {
    expect(encodeWire({ bytes: new Uint8Array([72, 105]) })).toBe('{"bytes":{"$bytes":"SGk="}}');
  });

  it('sends only the bytes a subarray shows, not its whole buffer', () => {
    const view = new Uint8Array([1, 2, 3, 4]).subarray(1, 3);
    expect(decodeWire(encodeWire(view))).toEqual(new Uint8Array([2, 3]));
  });
});

describe('decodeWire', () => {
  it('round-trips nested bytes, including every byte value and a large file', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const large = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    const value = {
      args: [[{ name: 'a/b.txt', size: 256, bytes: all }], { nested: [large, new Uint8Array(0)] }],
      text: 'Erdoğan – Лавров',
    };
    const back = decodeWire(encodeWire(value)) as typeof value;
    expect(back).toEqual(value);
    expect(back.args[1]).toMatchObject({
      nested: [expect.any(Uint8Array), expect.any(Uint8Array)],
    });
  });

  it('leaves a {"$bytes": …} object with other keys as a plain object', () => {
    const text = '{"$bytes":"SGk=","name":"x"}';
    expect(decodeWire(text)).toEqual({ $bytes: 'SGk=', name: 'x' });
  });

  it('leaves a $bytes that is not a string as it is', () => {
    expect(decodeWire('{"$bytes":[1,2]}')).toEqual({ $bytes: [1, 2] });
  });

  it('revives bytes whose key is spelled with escapes, and leaves text without bytes as parsed', () => {
    expect(decodeWire('{"\\u0024bytes":"SGk="}')).toEqual(new Uint8Array([72, 105]));
    expect(decodeWire('{"$byt\\u0065s":"SGk="}')).toEqual(new Uint8Array([72, 105]));
    const plain = { title: 'Ministers meet', tags: ['a', 'b'], n: 3, none: null };
    expect(decodeWire(JSON.stringify(plain))).toEqual(plain);
  });

  it('throws for base64 that is not base64, so the caller can refuse the request', () => {
    expect(() => decodeWire('{"$bytes":"not base64!!"}')).toThrow();
  });
});
