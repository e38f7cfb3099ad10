/**
 * The team password of one profile, kept in `<profile>/team-credential.json` (rights 0600) and
 * encrypted with a cipher shaped like Electron's `safeStorage`. The desktop passes `safeStorage`
 * itself (only Electron-only files import it); the browser preview and tests, which have no OS
 * keychain, pass `fileRightsOnly`, and the file's rights are then the only protection — the
 * file says which, so a desktop never reads a preview's plain secret as if it were encrypted.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readPrivateFile, removePrivateFile, writePrivateFile } from './private-file';

/** The part of Electron's `safeStorage` the store uses. */
export interface SecretCipher {
  /** How the secret is protected, written into the file: `safeStorage` or `file-rights`. */
  readonly protection: 'safeStorage' | 'file-rights';
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** No encryption: for the preview and tests, where the 0600 file is all there is. */
export const fileRightsOnly: SecretCipher = {
  protection: 'file-rights',
  isEncryptionAvailable: () => true,
  encryptString: text => Buffer.from(text, 'utf8'),
  decryptString: bytes => bytes.toString('utf8'),
};

const CredentialFileSchema = z
  .object({
    format: z.literal('readout-team-credential'),
    version: z.literal(1),
    protection: z.enum(['safeStorage', 'file-rights']),
    secret: z.string().max(10_000),
  })
  .strict();

export interface CredentialStore {
  save(password: string): Promise<void>;
  /** The password; null when none is stored. Throws when the file is damaged or too widely readable. */
  load(): Promise<string | null>;
  clear(): Promise<void>;
}

export function credentialPath(profileDir: string): string {
  return join(profileDir, 'team-credential.json');
}

export function createCredentialStore(profileDir: string, cipher: SecretCipher): CredentialStore {
  const path = credentialPath(profileDir);
  return {
    async save(password) {
      if (!cipher.isEncryptionAvailable()) {
        throw new Error('This system offers no safe place for the team password (no keychain).');
      }
      const secret = cipher.encryptString(password).toString('base64');
      const file = {
        format: 'readout-team-credential',
        version: 1,
        protection: cipher.protection,
        secret,
      };
      await writePrivateFile(path, JSON.stringify(file));
    },
    async load() {
      const text = await readPrivateFile(path);
      if (text === null) return null;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error('The team credential file is damaged; sign in to the team again.');
      }
      const file = CredentialFileSchema.safeParse(json);
      if (!file.success)
        throw new Error('The team credential file is damaged; sign in to the team again.');
      if (file.data.protection !== cipher.protection) {
        throw new Error(
          'The team credential was stored by another kind of Readout; sign in again.',
        );
      }
      return cipher.decryptString(Buffer.from(file.data.secret, 'base64'));
    },
    clear: () => removePrivateFile(path),
  };
}
