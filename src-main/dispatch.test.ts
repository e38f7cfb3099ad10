import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channelNames, channels } from './contract/channels';
import { resultSchema } from './contract/result';
import { dispatch } from './dispatch';
import { ServiceError } from './service-error';
import { createServices, type Services } from './services';
import { prng } from './testing/prng';

const seedsDir = fileURLToPath(new URL('../seeds', import.meta.url));
// A real, empty backups folder: the fuzz must never manage to write (or read) a file through it.
const backupsDir = mkdtempSync(join(tmpdir(), 'readout-dispatch-'));
const services = createServices({ seedsDir, backupsDir });
afterAll(() => rmSync(backupsDir, { recursive: true, force: true }));

/** A work backup as the renderer sends one. */
const workBackup = (highlights: unknown[] = []) =>
  JSON.stringify({
    format: 'readout-backup',
    version: 1,
    scope: 'work',
    exportedAt: '2025-03-01T10:00:00.000Z',
    schemaVersion: 3,
    fingerprint: 'ab'.repeat(32),
    tables: { highlights, articleNotes: [], trash: [], meetingDecisions: [], meta: [] },
  });

function expectRefused(
  result: Awaited<ReturnType<typeof dispatch>>,
  code: string,
  message: RegExp,
) {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
  }
}

const upload = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, bytes };
};

describe('dispatch', () => {
  it('answers an unknown channel with not-found', async () => {
    expectRefused(
      await dispatch(services, 'fs:delete', []),
      'not-found',
      /Unknown channel "fs:delete"/,
    );
    expectRefused(await dispatch(services, { toString: 1 }, []), 'not-found', /Unknown channel/);
    expectRefused(await dispatch(services, 'constructor', []), 'not-found', /Unknown channel/);
  });

  it('loads the two bundled seeds with stable sources', async () => {
    const result = await dispatch(services, 'seeds:load', []);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = channels['seeds:load'].result.parse(result.value);
    expect(report.errors).toEqual([]);
    expect(report.articles.map(a => a.source)).toEqual([
      'seeds/000_46ab9c03f578ed2c.txt',
      'seeds/004_5e147edb248d0a50.txt',
    ]);
    expect(report.articles.map(a => a.published)).toEqual([null, '2023-04-24']);
  });

  it.each([
    ['seeds:load with an argument', 'seeds:load', [1], /seeds:load: .*Too big/],
    ['seeds:load with no argument list', 'seeds:load', undefined, /seeds:load: .*expected tuple/],
    ['import:pick without its options', 'import:pick', [], /import:pick: ✖ Too small/],
    [
      'import:pick with folders as a string',
      'import:pick',
      [{ folders: 'yes' }],
      /expected boolean/,
    ],
    [
      'import:pick with an extra key',
      'import:pick',
      [{ folders: true, paths: ['/etc'] }],
      /Unrecognized key: "paths"/,
    ],
    ['import:paths with a number for a path', 'import:paths', [[42]], /expected string/],
    ['import:paths with no paths', 'import:paths', [[]], /Too small/],
    ['import:paths with an empty path', 'import:paths', [['']], /Too small/],
    ['import:paths with a bare string', 'import:paths', ['../etc'], /expected array/],
    [
      'import:paths with a relative path',
      'import:paths',
      [['notes/a.txt']],
      /path is not absolute/,
    ],
    [
      'import:paths climbing out with ..',
      'import:paths',
      [['/home/analyst/articles/../../../etc']],
      /path contains a "\.\." segment/,
    ],
    [
      'import:paths climbing out with .. on Windows',
      'import:paths',
      [['C:\\Users\\analyst\\..\\..\\Windows']],
      /path contains a "\.\." segment/,
    ],
    [
      'import:paths with a NUL byte in a path',
      'import:paths',
      [['/tmp/a.txt\0.png']],
      /path contains a NUL byte/,
    ],
    [
      'import:files with bytes as a plain array',
      'import:files',
      [[{ name: 'a.txt', size: 3, bytes: [65, 66, 67] }]],
      /→ at \[0\]\[0\]\.bytes/,
    ],
    [
      'import:files with bytes as a base64 string',
      'import:files',
      [[{ name: 'a.txt', size: 3, bytes: 'QUJD' }]],
      /→ at \[0\]\[0\]\.bytes/,
    ],
    [
      'import:files with a negative size',
      'import:files',
      [[{ name: 'a.txt', size: -1, bytes: new Uint8Array(1) }]],
      /Too small/,
    ],
    [
      'import:files with content over the size limit',
      'import:files',
      [[{ name: 'a.txt', size: 1, bytes: new Uint8Array(5 * 1024 * 1024 + 1) }]],
      /larger than the import limit/,
    ],
    [
      'meetings:extractArticles with a string',
      'meetings:extractArticles',
      ['articles'],
      /expected array/,
    ],
    [
      'meetings:merge with a result of no version',
      'meetings:merge',
      [{ results: [{ articleId: 'a', meetings: [] }], replaces: [] }],
      /extractorVersion/,
    ],
    ['backups:list with an argument', 'backups:list', [backupsDir], /backups:list: .*Too big/],
    ['backups:write with no text', 'backups:write', [], /Too small/],
    ['backups:write with a number', 'backups:write', [42], /expected string/],
    ['backups:write with an object', 'backups:write', [{ tables: {} }], /expected string/],
    ['backups:write with a name', 'backups:write', [workBackup(), '../x.json'], /Too big/],
    ['backups:write with empty text', 'backups:write', [''], /Too small/],
    [
      'backups:write with text over the size limit',
      'backups:write',
      ['x'.repeat(32 * 1024 * 1024 + 1)],
      /backups:write: .*Too big/,
    ],
    [
      'backups:read with a path',
      'backups:read',
      ['../../etc/passwd'],
      /not an automatic backup id/,
    ],
    [
      'backups:read with a backup id and a path',
      'backups:read',
      ['auto-2025-03-01T10-30-00-123Z/../../../etc/passwd'],
      /Too big|not an automatic backup id/,
    ],
    [
      'backups:read with a file name',
      'backups:read',
      ['auto-2025-03-01T10-30-00-123Z.json'],
      /not an automatic backup id/,
    ],
    [
      'backups:read with a Windows path',
      'backups:read',
      ['..\\auto-2025-03-01T10-30-00-123Z'],
      /not an automatic backup id/,
    ],
    ['backups:read with a number', 'backups:read', [20250301], /expected string/],
    ['backups:read with a huge id', 'backups:read', ['a'.repeat(100_000)], /Too big/],
    ['backups:read with no id', 'backups:read', [], /Too small/],
  ])(
    'refuses %s with invalid-argument naming the problem',
    async (_title, channel, args, message) => {
      expectRefused(await dispatch(services, channel, args), 'invalid-argument', message);
    },
  );

  it('refuses 2,001 uploads in one call', async () => {
    const files = Array.from({ length: 2001 }, (_, i) => upload(`${i}.txt`, `Article ${i}.`));
    expectRefused(
      await dispatch(services, 'import:files', [files]),
      'invalid-argument',
      /import:files: .*Too big: expected array to have <=2000 items/,
    );
  });

  it('refuses a __proto__ key from JSON and leaves Object.prototype alone', async () => {
    const hostile = JSON.parse('{"folders": true, "__proto__": {"polluted": "yes"}}') as unknown;
    expectRefused(
      await dispatch(services, 'import:pick', [hostile]),
      'invalid-argument',
      /Unrecognized key: "__proto__"/,
    );
    const upload = JSON.parse(
      '{"__proto__": {"name": "a.txt", "size": 1, "bytes": null}}',
    ) as unknown;
    expectRefused(await dispatch(services, 'import:files', [[upload]]), 'invalid-argument', /name/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps the message short for a huge hostile payload', async () => {
    const paths = Array.from({ length: 1000 }, () => 123);
    const result = await dispatch(services, 'import:paths', [paths]);
    expectRefused(result, 'invalid-argument', /expected string/);
    if (!result.ok) expect(result.error.message.length).toBeLessThanOrEqual(700);
  });

  it('refuses import:paths where no drop can grant paths (the preview), even for real files', async () => {
    for (const paths of [
      [seedsDir],
      [join(seedsDir, '000_46ab9c03f578ed2c.txt')],
      ['/etc/passwd'],
    ]) {
      expectRefused(
        await dispatch(services, 'import:paths', [paths]),
        'unsupported',
        /only as uploads; no path is ever opened/,
      );
    }
  });

  it("passes a service's own error code through", async () => {
    // The preview has no file dialog: the real service says so with `unsupported`.
    expectRefused(
      await dispatch(services, 'import:pick', [{ folders: false }]),
      'unsupported',
      /no file dialog/,
    );
    const cancelling: Services = {
      ...services,
      loadSeeds: () => Promise.reject(new ServiceError('io', 'The seeds folder is missing.')),
    };
    expectRefused(
      await dispatch(cancelling, 'seeds:load', []),
      'io',
      /^The seeds folder is missing\.$/,
    );
  });

  it('answers an unexpected throw with internal, naming the channel but not the error', async () => {
    const broken: Services = {
      ...services,
      importFiles: () => {
        throw new Error("EACCES: permission denied, open '/home/ana/.ssh/id_ed25519'");
      },
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const result = await dispatch(broken, 'import:files', [[upload('a.txt', 'An article.')]]);
      expectRefused(
        result,
        'internal',
        /^import:files: Readout hit an unexpected error; its log has the details\.$/,
      );
      expect(JSON.stringify(result)).not.toContain('.ssh');
      expect(String(logged.mock.calls[0]?.[1])).toContain('/home/ana/.ssh/id_ed25519');
    } finally {
      logged.mockRestore();
    }
  });

  it('refuses to pass on an answer that breaks its own schema', async () => {
    const lying = {
      ...services,
      loadSeeds: () => Promise.resolve({ articles: 'all of them', errors: [] }),
    } as unknown as Services;
    expectRefused(
      await dispatch(lying, 'seeds:load', []),
      'invalid-result',
      /seeds:load: the answer did not match its schema/,
    );
  });

  it('keeps the good part of an import report that breaks its schema, saying what was left out', async () => {
    const good = await dispatch(services, 'import:files', [
      [upload('good.txt', 'Envoys meet in Valletta\nThe envoys met.')],
    ]);
    if (!good.ok) throw new Error('the good upload should import');
    const article = channels['import:files'].result.parse(good.value).articles[0];
    const slipping = {
      ...services,
      importFiles: () =>
        Promise.resolve({
          articles: [article, { ...article, id: 'not hex' }],
          errors: [
            { file: `/${'deep/'.repeat(1000)}x.txt`, code: 'not-found', message: 'Gone.' },
            { file: 'b.txt', code: 'empty', message: 'The file is empty.' },
          ],
        }),
    } as unknown as Services;
    expect(await dispatch(slipping, 'import:files', [[upload('a.txt', 'Any.')]])).toEqual({
      ok: true,
      value: {
        articles: [article],
        errors: [
          { file: 'b.txt', code: 'empty', message: 'The file is empty.' },
          {
            file: '(this import)',
            code: 'invalid',
            message:
              '2 entries of this import could not be reported and were left out; the other files were imported.',
          },
        ],
      },
    });
  });

  it('writes, lists and reads automatic backups through their channels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-dispatch-'));
    try {
      const own = createServices({ seedsDir, backupsDir: dir, now: () => Date.UTC(2025, 2, 1) });
      const text = workBackup([{ id: 'h1' }]);
      const written = await dispatch(own, 'backups:write', [text]);
      expect(written).toMatchObject({
        ok: true,
        value: { state: 'ok', id: 'auto-2025-03-01T00-00-00-000Z', counts: { highlights: 1 } },
      });
      const listed = await dispatch(own, 'backups:list', []);
      expect(listed).toMatchObject({
        ok: true,
        value: { folder: dir, backups: [{ state: 'ok' }] },
      });
      const read = await dispatch(own, 'backups:read', ['auto-2025-03-01T00-00-00-000Z']);
      expect(read).toEqual({ ok: true, value: { id: 'auto-2025-03-01T00-00-00-000Z', text } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to write text that is not a work backup, naming the problem', async () => {
    expectRefused(
      await dispatch(services, 'backups:write', ['{"format":"readout-backup","scope":"all"}']),
      'invalid-argument',
      /^Not saved: not a well-formed work backup\.$/,
    );
    expectRefused(
      await dispatch(services, 'backups:read', ['auto-2025-03-01T00-00-00-000Z']),
      'not-found',
      /no longer there/,
    );
    expect(readdirSync(backupsDir)).toEqual([]);
  });

  it('answers unsupported for backups where no folder was given (the command line)', async () => {
    expectRefused(
      await dispatch(createServices({ seedsDir }), 'backups:list', []),
      'unsupported',
      /not kept here/,
    );
  });

  it('imports uploads through import:files', async () => {
    const result = await dispatch(services, 'import:files', [
      [upload('a/one.txt', 'Ministers meet in Moscow\nThe ministers met.')],
    ]);
    expect(result).toMatchObject({
      ok: true,
      value: { articles: [{ source: 'a/one.txt', title: 'Ministers meet in Moscow' }], errors: [] },
    });
  });

  it('keeps the good uploads of a batch whose other files would not make valid articles', async () => {
    const result = await dispatch(services, 'import:files', [
      [
        upload('long-source.txt', `Source: ${'Agency '.repeat(50)}\n\nThe ministers met.`),
        upload('shouting.txt', `${'TEHRAN'.repeat(25)} – The ministers met again.`),
        upload(`${'n'.repeat(1100)}.txt`, 'A file name no article may carry.'),
        upload('good.txt', 'Envoys meet in Valletta\nThe envoys met.'),
      ],
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = channels['import:files'].result.parse(result.value);
    expect(report.articles.map(a => a.source)).toEqual([
      'long-source.txt',
      'shouting.txt',
      'good.txt',
    ]);
    expect(report.articles[0].publisher).toHaveLength(200);
    expect(report.articles[1].dateline).toBeNull();
    expect(report.errors.map(e => e.code)).toEqual(['invalid']);
  });

  it('answers 2,000 random hostile payloads on every channel without ever throwing', async () => {
    const random = prng(20230424);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const keys = ['folders', 'name', 'size', 'bytes', 'path', '__proto__', 'constructor', 'then'];
    const strings = [
      () => '',
      () => 'x'.repeat(1 + Math.floor(random() * 20)),
      () => 'Ж\u0000\uD800 " \\ <script>',
      () => 'y'.repeat(100_000 + Math.floor(random() * 10)),
      () => String(random()),
    ];
    // Hostile paths: `../` climbs, which the path schema refuses, and well-formed absolute paths
    // to real files and folders (the seeds), which main must refuse because no drop granted them.
    const pathlike = () =>
      pick<unknown>([
        { path: '../../etc/passwd' },
        '../',
        ['..', { '..': '..' }],
        [[['../x']]],
        [['../../etc/passwd', 'relative/../x']],
        '/etc/passwd',
        ['/etc/passwd'],
        [['/etc/shadow', '/root/.ssh/id_ed25519']],
        [[seedsDir]],
        [[join(seedsDir, '000_46ab9c03f578ed2c.txt')]],
        [['C:\\Windows\\win.ini', '\\\\server\\share\\x.txt']],
      ]);
    function value(depth: number): unknown {
      const r = random();
      if (depth > 4 || r < 0.3) {
        return pick<() => unknown>([
          () => null,
          () => true,
          () => Math.floor(random() * 1e9) - 5e8,
          () => pick([NaN, Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2]),
          () => pick(strings)(),
          pathlike,
          () => new Uint8Array(Math.floor(random() * 8)),
        ])();
      }
      if (r < 0.6) return Array.from({ length: Math.floor(random() * 5) }, () => value(depth + 1));
      if (r < 0.65) {
        let nested: unknown = [];
        for (let i = 0; i < 200; i++) nested = [nested];
        return nested;
      }
      const object: Record<string, unknown> = {};
      const n = Math.floor(random() * 4);
      for (let i = 0; i < n; i++) {
        // Own properties, as JSON.parse makes them, even for __proto__.
        Object.defineProperty(object, pick(keys), {
          value: value(depth + 1),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return object;
    }
    const payload = (): unknown => {
      const r = random();
      if (r < 0.15) return value(0);
      // Mostly argument lists, so the payload gets past the first check to the schemas.
      return Array.from({ length: Math.floor(random() * 3) }, () => value(1));
    };

    let answered = 0;
    for (let i = 0; i < 2000; i++) {
      const args = payload();
      for (const channel of channelNames) {
        const result = await dispatch(services, channel, args);
        // No payload, however well-formed, gets a file read by path here.
        if (channel === 'import:paths') expect(result.ok).toBe(false);
        if (result.ok) {
          expect(channels[channel].result.safeParse(result.value).success).toBe(true);
        } else {
          expect(resultSchema(channels[channel].result).safeParse(result).success).toBe(true);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
        answered++;
      }
    }
    expect(answered).toBe(2000 * channelNames.length);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(readdirSync(backupsDir)).toEqual([]);
    // And main still serves a well-formed call afterwards.
    const after = await dispatch(services, 'seeds:load', []);
    expect(after.ok && channels['seeds:load'].result.parse(after.value).articles).toHaveLength(2);
  }, 60_000);
});
