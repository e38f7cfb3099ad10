/**
 * The services behind `team:join`, `team:status` and `team:leave`. Joining checks the user name
 * and password against the team's database before anything is stored, so a typo is a clear
 * error and not a desk that later fails every sync; leaving removes the configuration first (so
 * nothing is sent after) and cancels the requests in flight.
 */
import type { TeamJoinRequest, TeamStatus } from '../contract/team';
import { ServiceError } from '../service-error';
import { teamDatabaseName } from './design-doc';
import type { SecretCipher } from './credential-store';
import type { SyncForwarder } from './forward';
import { joinTeam, leaveTeam, readTeamConfig } from './team-config';
import { basicAuth, serverOrigin } from './team-setup';

export interface TeamServiceOptions {
  /** The profile folder that holds team.json and the credential. */
  profileDir: string;
  cipher: SecretCipher;
  /** The forwarder whose requests stop when the team is left. */
  forwarder?: SyncForwarder;
  fetch?: typeof fetch;
  /** How long the join check waits for the server; 15 s by default. */
  timeoutMs?: number;
}

export interface TeamService {
  join(request: TeamJoinRequest): Promise<TeamStatus>;
  status(): Promise<TeamStatus>;
  leave(): Promise<TeamStatus>;
}

const NOT_JOINED: TeamStatus = { joined: false };

/** Asks the team's database whether these credentials open it; throws a ServiceError when not. */
async function checkMembership(
  origin: string,
  request: TeamJoinRequest,
  fetchFn: typeof fetch,
  timeoutMs: number,
): Promise<void> {
  const database = teamDatabaseName(request.teamId);
  let response: Response;
  try {
    response = await fetchFn(`${origin}/${database}`, {
      headers: {
        accept: 'application/json',
        authorization: basicAuth({ username: request.username, password: request.password }),
      },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new ServiceError('io', 'The team server did not answer; check the address.');
  }
  await response.body?.cancel();
  if (response.ok) return;
  if (response.status === 401) {
    throw new ServiceError(
      'forbidden',
      'The team server did not accept that user name and password.',
    );
  }
  if (response.status === 403) {
    throw new ServiceError(
      'forbidden',
      `${request.username} is not a member of ${request.teamId}.`,
    );
  }
  if (response.status === 404) {
    throw new ServiceError('not-found', `There is no team ${request.teamId} on that server.`);
  }
  throw new ServiceError('io', `The team server answered ${response.status}; try again later.`);
}

export function createTeamService(options: TeamServiceOptions): TeamService {
  const fetchFn = options.fetch ?? fetch;
  const status = async (): Promise<TeamStatus> => {
    let config;
    try {
      config = await readTeamConfig(options.profileDir);
    } catch (error) {
      throw new ServiceError('io', error instanceof Error ? error.message : String(error));
    }
    return config ? { joined: true, teamId: config.teamId, username: config.username } : NOT_JOINED;
  };
  return {
    status,
    async join(request) {
      const origin = serverOrigin(request.serverUrl);
      if (!origin.ok) throw new ServiceError('invalid-argument', origin.error.message);
      await checkMembership(origin.value, request, fetchFn, options.timeoutMs ?? 15_000);
      try {
        await joinTeam(
          options.profileDir,
          { serverUrl: origin.value, teamId: request.teamId, username: request.username },
          request.password,
          options.cipher,
        );
      } catch (error) {
        throw new ServiceError('io', error instanceof Error ? error.message : String(error));
      }
      options.forwarder?.cancelAll();
      return { joined: true, teamId: request.teamId, username: request.username };
    },
    async leave() {
      await leaveTeam(options.profileDir, options.cipher);
      options.forwarder?.cancelAll();
      return NOT_JOINED;
    },
  };
}
