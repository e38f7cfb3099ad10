/**
 * Which team a profile belongs to: `<profile>/team.json` holds the server's origin, the team id and
 * the analyst's user name (never the password; see credential-store.ts). No file, no team: the
 * forwarder then refuses every request and nothing leaves the machine.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { teamDatabaseName, TeamId } from './design-doc';
import type { SecretCipher } from './credential-store';
import { createCredentialStore } from './credential-store';
import type { TeamAccess } from './forward';
import { readPrivateFile, removePrivateFile, writePrivateFile } from './private-file';
import { MemberName, serverOrigin } from './team-setup';

export const TeamConfigSchema = z
  .object({
    serverUrl: z
      .string()
      .refine(url => serverOrigin(url).ok, 'the team server is an http(s) origin'),
    teamId: TeamId,
    username: MemberName,
  })
  .strict();
export type TeamConfig = z.infer<typeof TeamConfigSchema>;

export function teamConfigPath(profileDir: string): string {
  return join(profileDir, 'team.json');
}

/** The profile's team; null when none is configured. Throws when the file is damaged. */
export async function readTeamConfig(profileDir: string): Promise<TeamConfig | null> {
  const text = await readPrivateFile(teamConfigPath(profileDir));
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('team.json is not JSON; join the team again.');
  }
  const parsed = TeamConfigSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`team.json is not a team configuration: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** Joins a team: stores the configuration and the password, the password first. */
export async function joinTeam(
  profileDir: string,
  config: TeamConfig,
  password: string,
  cipher: SecretCipher,
): Promise<void> {
  const parsed = TeamConfigSchema.parse(config);
  await createCredentialStore(profileDir, cipher).save(password);
  await writePrivateFile(teamConfigPath(profileDir), JSON.stringify(parsed, null, 2));
}

/** Leaves the team: the configuration goes first, so a half-finished leave sends nothing. */
export async function leaveTeam(profileDir: string, cipher: SecretCipher): Promise<void> {
  await removePrivateFile(teamConfigPath(profileDir));
  await createCredentialStore(profileDir, cipher).clear();
}

/** What the forwarder needs for the profile, read fresh each time; null when no team is set up. */
export async function loadTeamAccess(
  profileDir: string,
  cipher: SecretCipher,
): Promise<TeamAccess | null> {
  const config = await readTeamConfig(profileDir);
  if (!config) return null;
  const password = await createCredentialStore(profileDir, cipher).load();
  if (password === null) return null;
  const origin = serverOrigin(config.serverUrl);
  if (!origin.ok) return null;
  return {
    origin: origin.value,
    database: teamDatabaseName(config.teamId),
    credentials: { username: config.username, password },
  };
}
