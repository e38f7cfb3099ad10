/**
 * `npm start`: runs the desktop app through electron-vite when an Electron runtime exists, and
 * says in one line to use `npm run web` when none can be had (see electron-runtime.ts).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { electronBinary, start } from './electron-runtime';

const pkgDir = dirname(require.resolve('electron/package.json'));

process.exitCode = start({
  binary: () => electronBinary(pkgDir, process.env),
  mayDownload: !process.env.ELECTRON_OVERRIDE_DIST_PATH,
  download: () =>
    spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore' }).status === 0,
  launch: () =>
    spawnSync(
      process.execPath,
      [require.resolve('electron-vite/bin/electron-vite.js'), 'preview', ...process.argv.slice(2)],
      { stdio: 'inherit' },
    ).status ?? 1,
  say: line => process.stderr.write(line + '\n'),
});
