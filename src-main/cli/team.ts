/**
 * `readout team setup|revoke`: sets up a team on a CouchDB server (database, `_security`, the
 * validating design document, members) and prints what each analyst needs to join; or takes a
 * member out of a team. The server admin's credentials come from the environment, never from the
 * command line, where other accounts on the machine could read them in the process list.
 */
import type { Result } from '../contract/result';
import { TeamId } from '../sync/design-doc';
import { revokeMember, setupTeam, type Credentials, type JoinDetails } from '../sync/team-setup';
import { parseOptions, UsageError, type Command } from './command';
import { printable as p, terminalJson } from './terminal-text';

export const ADMIN_USER_ENV = 'READOUT_COUCH_ADMIN_USER';
export const ADMIN_PASSWORD_ENV = 'READOUT_COUCH_ADMIN_PASSWORD';

function adminFrom(env: NodeJS.ProcessEnv): Credentials {
  const username = env[ADMIN_USER_ENV];
  const password = env[ADMIN_PASSWORD_ENV];
  if (!username || !password) {
    throw new UsageError(
      `set ${ADMIN_USER_ENV} and ${ADMIN_PASSWORD_ENV} to a server admin of the CouchDB server`,
    );
  }
  return { username, password };
}

function required(values: Map<string, string>, name: string): string {
  const value = values.get(name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function teamIdOf(values: Map<string, string>): TeamId {
  const parsed = TeamId.safeParse(required(values, 'team'));
  if (!parsed.success) throw new UsageError(parsed.error.issues[0].message);
  return parsed.data;
}

function joinText(details: JoinDetails): string {
  const lines = [
    `Team ${details.teamId} is ready on ${details.serverUrl} (database ${details.database}).`,
    'Give each analyst their own line, privately (the passwords are shown only now):',
    ...details.members.map(
      m =>
        `  server ${details.serverUrl}  team ${details.teamId}  user ${m.username}  password ${m.password}`,
    ),
  ];
  return lines.map(line => p(line)).join('\n') + '\n';
}

/** The command, reading the admin from `env` and talking to the server through `fetchFn`. */
export function createTeamCommand(
  env: NodeJS.ProcessEnv = process.env,
  fetchFn: typeof fetch = fetch,
): Command {
  return {
    name: 'team',
    summary:
      'Set up a team on a CouchDB server, or revoke a member (admin credentials from the environment).',
    usage:
      'team setup --server URL --team ID --members NAME[,NAME...] [--json]\n' +
      '       team revoke --server URL --team ID --member NAME',
    async run(args, io) {
      const [action, ...rest] = args;
      const { flags, values, positionals } = parseOptions(rest, {
        flags: ['json'],
        values: ['server', 'team', 'members', 'member'],
      });
      if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0]}`);
      let result: Result<JoinDetails | void>;
      if (action === 'setup') {
        const names = required(values, 'members')
          .split(',')
          .map(n => n.trim())
          .filter(Boolean);
        if (names.length === 0) throw new UsageError('--members names at least one member');
        result = await setupTeam(
          {
            serverUrl: required(values, 'server'),
            admin: adminFrom(env),
            teamId: teamIdOf(values),
            members: names.map(name => ({ name })),
          },
          fetchFn,
        );
      } else if (action === 'revoke') {
        result = await revokeMember(
          {
            serverUrl: required(values, 'server'),
            admin: adminFrom(env),
            teamId: teamIdOf(values),
            name: required(values, 'member'),
          },
          fetchFn,
        );
      } else {
        throw new UsageError(action ? `unknown action ${action}` : 'say setup or revoke');
      }
      if (!result.ok) {
        io.err(`${p(result.error.message)}\n`);
        return 1;
      }
      if (action === 'revoke') {
        io.out(
          `${p(required(values, 'member'))} can no longer read or write the team's database.\n`,
        );
      } else if (result.value) {
        io.out(flags.has('json') ? terminalJson(result.value) + '\n' : joinText(result.value));
      }
      return 0;
    },
  };
}

export const teamCommand = createTeamCommand();
