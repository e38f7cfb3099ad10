/**
 * The `sync:request` service and the desktop's cipher: the small glue between the forwarder and
 * the three front doors, kept here so that services.ts, index.ts and the preview each gain a line.
 */
import type { ErrorCode } from '../contract/result';
import type { SyncRequest, SyncResponse } from '../contract/sync-request';
import { ServiceError } from '../service-error';
import type { SecretCipher } from './credential-store';
import type { SyncForwarder } from './forward';
import type { TeamJoinRequest, TeamStatus } from '../contract/team';
import type { TeamService } from './team-service';

/**
 * The service behind `sync:request`. Without a forwarder (the command line) every request is
 * `unsupported`; the forwarder's own errors become ServiceErrors, so the page gets them as values.
 */
export function syncRequestService(
  forwarder: SyncForwarder | undefined,
): (request: SyncRequest) => Promise<SyncResponse> {
  return async request => {
    if (!forwarder) throw new ServiceError('unsupported', 'Team sync is not available here.');
    const result = await forwarder.handle(request);
    if (!result.ok) throw new ServiceError(result.error.code as ErrorCode, result.error.message);
    return result.value;
  };
}

/** The `team:*` services; without a team service (the command line) each is `unsupported`. */
export function teamServices(team: TeamService | undefined): {
  teamJoin(request: TeamJoinRequest): Promise<TeamStatus>;
  teamStatus(): Promise<TeamStatus>;
  teamLeave(): Promise<TeamStatus>;
} {
  const service = (): TeamService => {
    if (!team) throw new ServiceError('unsupported', 'Teams are joined in the app, not here.');
    return team;
  };
  return {
    teamJoin: request => service().join(request),
    teamStatus: () => service().status(),
    teamLeave: () => service().leave(),
  };
}

/** The part of Electron's `safeStorage` the desktop hands in (typed here: this file imports no Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Electron's `safeStorage` (the OS keychain) as the credential store's cipher. */
export function safeStorageCipher(safeStorage: SafeStorageLike): SecretCipher {
  return {
    protection: 'safeStorage',
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: text => safeStorage.encryptString(text),
    decryptString: bytes => safeStorage.decryptString(bytes),
  };
}
