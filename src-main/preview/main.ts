/**
 * `npm run web`: starts the browser preview on 127.0.0.1 and prints the one URL to open. The
 * token in the URL's fragment is never sent in a request line, Referer or log.
 *
 * `--data=DIR` (or READOUT_PREVIEW_DATA) is the preview's stand-in for the profile folder: the
 * automatic backups go to DIR/backups. Without it, a fresh temporary folder is used.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServices } from '../services';
import { fileRightsOnly } from '../sync/credential-store';
import { createSyncForwarder } from '../sync/forward';
import { loadTeamAccess } from '../sync/team-config';
import { createTeamService } from '../sync/team-service';
import { startPreviewServer } from './server';

const root = resolve(__dirname, '../..');

async function main(): Promise<void> {
  const portArg = process.argv.find(a => a.startsWith('--port='))?.slice('--port='.length);
  const port = Number(portArg ?? process.env.READOUT_PREVIEW_PORT ?? 0);
  const rendererDir = resolve(root, 'out/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run "npm run build" first.`);
  }
  const dataArg = process.argv.find(a => a.startsWith('--data='))?.slice('--data='.length);
  const dataDir = dataArg || process.env.READOUT_PREVIEW_DATA;
  const profileDir = dataDir ? resolve(dataDir) : mkdtempSync(join(tmpdir(), 'readout-preview-'));
  const backupsDir = join(profileDir, 'backups');
  // No OS keychain here: the team password is kept in a 0600 file (SECURITY.md, Team sync).
  const syncForwarder = createSyncForwarder({
    loadTeam: () => loadTeamAccess(profileDir, fileRightsOnly),
  });
  const server = await startPreviewServer({
    rendererDir,
    services: createServices({
      seedsDir: resolve(root, 'seeds'),
      backupsDir,
      syncForwarder,
      team: createTeamService({ profileDir, cipher: fileRightsOnly, forwarder: syncForwarder }),
    }),
    token: randomBytes(24).toString('base64url'),
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 0,
  });
  console.log(`Readout preview: ${server.url}`);
  console.log(`Automatic backups: ${backupsDir}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
