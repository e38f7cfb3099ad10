import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { channelNames, channels } from './contract/channels';
import { resultSchema } from './contract/result';
import { dispatch } from './dispatch';
import { ServiceError } from './service-error';
import { createServices, type Services } from './services';
import { prng } from './testing/prng';

const seedsDir = fileURLToPath(new URL('../seeds', import.meta.url));
const services = createServices({ seedsDir });

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
    ['meetings:extract with a string', 'meetings:extract', ['articles'], /expected array/],
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

  it('answers an unexpected throw with internal, naming the channel', async () => {
    const broken: Services = {
      ...services,
      importFiles: () => {
        throw new TypeError('cannot read properties of undefined');
      },
    };
    expectRefused(
      await dispatch(broken, 'import:files', [[upload('a.txt', 'An article.')]]),
      'internal',
      /^import:files: cannot read properties of undefined$/,
    );
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

  it('imports uploads through import:files', async () => {
    const result = await dispatch(services, 'import:files', [
      [upload('a/one.txt', 'Ministers meet in Moscow\nThe ministers met.')],
    ]);
    expect(result).toMatchObject({
      ok: true,
      value: { articles: [{ source: 'a/one.txt', title: 'Ministers meet in Moscow' }], errors: [] },
    });
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
    // `../` paths only ever travel as a wrong type, so no payload can make the importer walk
    // a real folder outside the test.
    const pathlike = () =>
      pick<unknown>([{ path: '../../etc/passwd' }, '../', ['..', { '..': '..' }], [[['../x']]]]);
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
  }, 60_000);
});
