import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listZip, MAX_UNZIPPED_BYTES, readZipEntry, unzipBounded, ZipError } from './zip';

/** Offsets of the central directory's size fields of the first entry, to make the archive lie. */
function centralEntry(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (
      bytes[i] === 0x50 &&
      bytes[i + 1] === 0x4b &&
      bytes[i + 2] === 0x01 &&
      bytes[i + 3] === 0x02
    ) {
      return i;
    }
  }
  throw new Error('no central directory entry');
}

function setUint32(bytes: Uint8Array, at: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value, true);
}

const zeros = (n: number) => new Uint8Array(n);

describe('listZip', () => {
  it('lists the entries with their declared sizes', () => {
    const zip = zipSync({ 'a.txt': strToU8('hello'), 'dir/b.xml': strToU8('<b/>') });
    expect(listZip(zip).map(e => [e.name, e.size])).toEqual([
      ['a.txt', 5],
      ['dir/b.xml', 4],
    ]);
  });

  it('refuses a truncated archive, whose directory at the end is gone', () => {
    const zip = zipSync({ 'a.txt': strToU8('hello '.repeat(100)) });
    expect(() => listZip(zip.subarray(0, zip.length - 30))).toThrow(ZipError);
  });

  it('refuses an archive that declares more than the limit before inflating anything', () => {
    const zip = zipSync({ 'word/document.xml': zeros(2 * 1024 * 1024) });
    setUint32(zip, centralEntry(zip) + 24, MAX_UNZIPPED_BYTES + 1);
    expect(() => listZip(zip)).toThrow(/zip bomb/);
  });

  it('refuses an entry over 1 MB with an incredible compression ratio', () => {
    // 20 MB of zeros deflate to about 20 KB: a ratio of 1000, far past any XML.
    const zip = zipSync({ 'word/document.xml': zeros(20 * 1024 * 1024) });
    expect(() => listZip(zip)).toThrow(/zip bomb/);
  });
});

describe('readZipEntry', () => {
  it('inflates an entry to its bytes', () => {
    const zip = zipSync({ 'a.txt': strToU8('the talks resumed '.repeat(50)) });
    const [entry] = listZip(zip);
    expect(new TextDecoder().decode(readZipEntry(zip, entry, 1 << 20))).toBe(
      'the talks resumed '.repeat(50),
    );
  });

  it('stops an entry that inflates past its declared size (an archive that lies)', () => {
    const zip = zipSync({ 'a.xml': zeros(512 * 1024) });
    const [entry] = listZip(zip);
    expect(() => readZipEntry(zip, { ...entry, size: 1000 }, 1 << 30)).toThrow(
      /larger than declared/,
    );
  });

  it('stops at the budget even when the declared size is larger', () => {
    const zip = zipSync({ 'a.xml': zeros(512 * 1024) });
    const [entry] = listZip(zip);
    expect(() => readZipEntry(zip, entry, 64 * 1024)).toThrow(/zip bomb/);
  });
});

describe('unzipBounded', () => {
  it('returns every file of the archive by name, folders left out', () => {
    const zip = zipSync({ 'x/': new Uint8Array(0), 'x/y.txt': strToU8('y') });
    expect([...unzipBounded(zip).keys()]).toEqual(['x/y.txt']);
  });

  it('refuses garbage that merely starts like a ZIP', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...zeros(200)]);
    expect(() => unzipBounded(bytes)).toThrow(ZipError);
  });
});
