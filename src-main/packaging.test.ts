/**
 * The packaged app cannot be built here (electron-builder downloads Electron), so these checks
 * read build/electron-builder.yml instead: the seeds ship where seeds-path.ts looks for them, every
 * icon it names exists, the four installer targets are there, and the release fuses are flipped.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, matchesGlob, relative, resolve, sep } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SEEDS_RESOURCE } from './seeds-path';

const project = resolve(__dirname, '..');
const RELEASE = 'build/electron-builder.yml';
const E2E = 'build/electron-builder.test.yml';

const readYaml = (file: string) =>
  parse(readFileSync(join(project, file), 'utf8')) as Configuration & { extends?: string };
const release = readYaml(RELEASE);

const RELEASE_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/**
 * The config electron-builder itself would use, after `extends` and its schema check: the same two
 * calls its CLI makes before packaging, from app-builder-lib, which electron-builder pins exactly.
 */
async function effectiveConfig(file: string): Promise<Configuration> {
  const config = await getConfig(project, file, null);
  const quietLogger = { isEnabled: false, data: new Map(), add() {}, save: async () => {} };
  await validateConfiguration(config, quietLogger);
  return config;
}

describe('electron-builder release config', () => {
  it('passes electron-builder’s own schema check', async () => {
    await expect(effectiveConfig(RELEASE)).resolves.toMatchObject({ productName: 'Readout' });
  });

  it('ships the seed articles outside app.asar, where the packaged app looks for them', () => {
    expect(release.extraResources).toEqual([
      expect.objectContaining({ from: 'seeds', to: SEEDS_RESOURCE }),
    ]);
    expect(readdirSync(join(project, 'seeds')).some(name => name.endsWith('.txt'))).toBe(true);
  });

  it('packs only the built app into an asar archive', () => {
    expect(release.asar).toBe(true);
    const files = release.files as string[];
    expect(files.filter(f => !f.startsWith('!'))).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
    ]);
    // What is left out is only ever inside node_modules.
    expect(files.filter(f => f.startsWith('!')).every(f => f.startsWith('!**/node_modules/'))).toBe(
      true,
    );
  });

  it('ships the Node builds of pdfkit and fontkit, and none of their browser builds or source maps', () => {
    const excluded = (release.files as string[])
      .filter(f => f.startsWith('!'))
      .map(f => f.slice(1));
    const shipped = (file: string) => !excluded.some(glob => matchesGlob(file, glob));
    const filesOf = (dir: string): string[] =>
      readdirSync(join(project, dir), { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile())
        .map(entry => relative(project, join(entry.parentPath, entry.name)).split(sep).join('/'));
    const pdfkit = filesOf('node_modules/pdfkit/js');
    const fontkit = filesOf('node_modules/fontkit/dist');
    // What main loads: pdfkit's CommonJS build and its font metrics, and fontkit's Node build.
    for (const kept of [
      'node_modules/pdfkit/js/pdfkit.js',
      'node_modules/pdfkit/js/data/Helvetica.afm',
      'node_modules/fontkit/dist/main.cjs',
    ]) {
      expect(pdfkit.concat(fontkit)).toContain(kept);
      expect(shipped(kept), kept).toBe(true);
    }
    const left = pdfkit.concat(fontkit).filter(f => !shipped(f));
    expect(left).toEqual(
      expect.arrayContaining([
        'node_modules/pdfkit/js/pdfkit.standalone.js',
        'node_modules/pdfkit/js/pdfkit.browser.js',
        'node_modules/pdfkit/js/pdfkit.js.map',
        'node_modules/fontkit/dist/browser.cjs',
        'node_modules/fontkit/dist/browser-module.mjs',
      ]),
    );
    expect(
      pdfkit.concat(fontkit).filter(f => shipped(f) && /browser|standalone|\.map$/.test(f)),
    ).toEqual([]);
  });

  it('ships one fontkit: a production dependency, so the main bundle requires the copy pdfkit uses', () => {
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const installed = (name: string) =>
      (
        JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    // electron-vite leaves production dependencies external; a devDependency would be bundled
    // into out/main beside the copy electron-builder packs for pdfkit.
    expect(pkg.dependencies.fontkit).toBe(installed('fontkit'));
    expect(pkg.devDependencies.fontkit).toBeUndefined();
    expect(existsSync(join(project, 'node_modules/pdfkit/node_modules/fontkit'))).toBe(false);
  });

  it('ships only the Regular weight of the CJK fallback font, not the package’s nine weights', () => {
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const name = '@expo-google-fonts/noto-sans-sc';
    // A production dependency would put all of node_modules/<name> (about 95 MB) into app.asar;
    // as a devDependency only the files imported with ?asset are copied into out/.
    expect(pkg.devDependencies[name]).toBeDefined();
    expect(pkg.dependencies[name]).toBeUndefined();
    const imports = [
      'src-main/index.ts',
      'src-renderer/features/briefing/briefing-view.css',
    ].flatMap(file =>
      [...readFileSync(join(project, file), 'utf8').matchAll(/@expo-google-fonts\/[^'"?)]+/g)].map(
        m => m[0],
      ),
    );
    expect(new Set(imports)).toEqual(new Set([`${name}/400Regular/NotoSansSC_400Regular.ttf`]));
  });

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(release.linux?.target).toEqual(['AppImage', 'deb']);
    expect(release.win?.target).toEqual(['nsis']);
    expect(release.mac?.target).toEqual(['dmg']);
  });

  it('names icons that exist: a 1024 px master, a Linux size set, .ico and .icns', () => {
    expect(pngSize(join(project, 'build/icon.png'))).toEqual([1024, 1024]);

    const linuxIcons = join(project, release.linux?.icon ?? 'missing');
    const sizes = readdirSync(linuxIcons).map(name => /^(\d+)x\1\.png$/.exec(name)?.[1]);
    expect(sizes).not.toContain(undefined);
    expect(sizes.map(Number)).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512]));
    for (const size of sizes) {
      expect(pngSize(join(linuxIcons, `${size}x${size}.png`))).toEqual([
        Number(size),
        Number(size),
      ]);
    }

    const ico = readFileSync(join(project, release.win?.icon ?? 'missing'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const icns = readFileSync(join(project, release.mac?.icon ?? 'missing'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('flips the release fuses and leaves the V8 snapshot fuse at its default', () => {
    expect(release.electronFuses).toEqual(RELEASE_FUSES);
  });
});

describe('electron-builder end-to-end test config', () => {
  it('is the release config with only the inspect fuse on, so Playwright can drive it', async () => {
    expect(existsSync(join(project, E2E))).toBe(true);
    expect(readYaml(E2E).extends).toBe(RELEASE);

    const config = await effectiveConfig(E2E);
    expect(config.electronFuses).toEqual({ ...RELEASE_FUSES, enableNodeCliInspectArguments: true });
    expect(config.directories?.output).not.toBe(release.directories?.output);
    expect(config.extraResources).toEqual(release.extraResources);
    expect(config.linux?.target).toEqual(release.linux?.target);
  });
});
