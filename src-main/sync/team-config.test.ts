import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createCredentialStore,
  credentialPath,
  fileRightsOnly,
  type SecretCipher,
} from './credential-store';
import { joinTeam, leaveTeam, loadTeamAccess, readTeamConfig, teamConfigPath } from './team-config';

function profile(): string {
  return mkdtempSync(join(tmpdir(), 'readout-team-'));
}

/** A stand-in for safeStorage that really transforms the bytes, so a plain read would show. */
const reversingCipher: SecretCipher = {
  protection: 'safeStorage',
  isEncryptionAvailable: () => true,
  encryptString: text => Buffer.from([...text].reverse().join(''), 'utf8'),
  decryptString: bytes => [...bytes.toString('utf8')].reverse().join(''),
};

const config = { serverUrl: 'https://couch.example.org:6984', teamId: 'desk-a', username: 'ana' };

describe('joinTeam', () => {
  it('stores the configuration and the password in files only the owner can read', async () => {
    const dir = profile();
    await joinTeam(dir, config, 'pa55-word', reversingCipher);
    expect(statSync(teamConfigPath(dir)).mode & 0o777).toBe(0o600);
    expect(statSync(credentialPath(dir)).mode & 0o777).toBe(0o600);
    expect(readFileSync(credentialPath(dir), 'utf8')).not.toContain('pa55-word');
    expect(readFileSync(teamConfigPath(dir), 'utf8')).not.toContain('pa55-word');
  });

  it('refuses a server URL with a path or credentials in it', async () => {
    await expect(
      joinTeam(
        profile(),
        { ...config, serverUrl: 'https://u:p@couch.example.org' },
        'pw',
        fileRightsOnly,
      ),
    ).rejects.toThrow();
    await expect(
      joinTeam(
        profile(),
        { ...config, serverUrl: 'https://couch.example.org/other-db' },
        'pw',
        fileRightsOnly,
      ),
    ).rejects.toThrow();
  });
});

describe('loadTeamAccess', () => {
  it('is null when the profile has no team, so the forwarder sends nothing', async () => {
    expect(await loadTeamAccess(profile(), fileRightsOnly)).toBeNull();
  });

  it('gives the team database, origin and credentials of a joined profile', async () => {
    const dir = profile();
    await joinTeam(dir, config, 'pa55-word', reversingCipher);
    expect(await loadTeamAccess(dir, reversingCipher)).toEqual({
      origin: 'https://couch.example.org:6984',
      database: 'readout-team-desk-a',
      credentials: { username: 'ana', password: 'pa55-word' },
    });
  });

  it('refuses a credential file that other accounts can read', async () => {
    const dir = profile();
    await joinTeam(dir, config, 'pa55-word', fileRightsOnly);
    chmodSync(credentialPath(dir), 0o644);
    await expect(loadTeamAccess(dir, fileRightsOnly)).rejects.toThrow(/other accounts/);
  });
});

describe('leaveTeam', () => {
  it('removes the configuration and the password', async () => {
    const dir = profile();
    await joinTeam(dir, config, 'pa55-word', fileRightsOnly);
    await leaveTeam(dir, fileRightsOnly);
    expect(await readTeamConfig(dir)).toBeNull();
    expect(await createCredentialStore(dir, fileRightsOnly).load()).toBeNull();
  });
});

describe('readTeamConfig', () => {
  it('says what is wrong with a damaged team.json instead of guessing', async () => {
    const dir = profile();
    writeFileSync(teamConfigPath(dir), '{"serverUrl":"ftp://x","teamId":"a","username":"ana"}', {
      mode: 0o600,
    });
    await expect(readTeamConfig(dir)).rejects.toThrow(/http\(s\) origin/);
  });
});

describe('createCredentialStore', () => {
  it('will not read a preview’s plain secret as if the keychain had encrypted it', async () => {
    const dir = profile();
    await createCredentialStore(dir, fileRightsOnly).save('plain-one');
    await expect(createCredentialStore(dir, reversingCipher).load()).rejects.toThrow(
      /another kind/,
    );
  });

  it('refuses to store a password where the system offers no encryption', async () => {
    const locked = { ...reversingCipher, isEncryptionAvailable: () => false };
    await expect(createCredentialStore(profile(), locked).save('pw')).rejects.toThrow(/keychain/);
  });
});
