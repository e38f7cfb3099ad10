/**
 * Sets up a team on a CouchDB server (CouchDB 3, or the express-pouchdb test server): the team's
 * database, its `_security` (members by the team's role), the design document that validates every
 * write, and one user per member holding the role. Run by `readout team` with a server admin's
 * credentials; every step can run again without harm, so a half-finished setup is finished by
 * running the same command once more. Uses only `fetch` and Web Crypto, so that tests of the
 * renderer's bridge can set up their team with it too.
 */
import { z } from 'zod';
import type { Result } from '../contract/result';
import {
  teamDatabaseName,
  teamDesignDoc,
  teamRole,
  teamSecurity,
  DESIGN_DOC_ID,
  type TeamId,
} from './design-doc';

/** A CouchDB user name for an analyst: short and plain, because it is also their `authorId`. */
export const MemberName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a member name is lower-case letters, digits, . _ and -');

export interface Credentials {
  username: string;
  password: string;
}

export interface TeamSetupOptions {
  /** The server's origin, e.g. `https://couch.example.org:6984`. */
  serverUrl: string;
  admin: Credentials;
  teamId: TeamId;
  /** Members to create or update; a member without a password gets a generated one. */
  members: { name: string; password?: string }[];
}

/** What each analyst needs to join: handed to them out of band, never stored by the server side. */
export interface JoinDetails {
  serverUrl: string;
  teamId: TeamId;
  database: string;
  members: Credentials[];
}

type Fetch = typeof fetch;

/** A random password with 128 bits of entropy, URL-safe so it survives copying. */
export function generatePassword(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Base64 of a string's UTF-8 bytes, as HTTP Basic authentication wants it. */
export function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** The `Authorization` header value for a CouchDB user. */
export function basicAuth(credentials: Credentials): string {
  return `Basic ${base64(`${credentials.username}:${credentials.password}`)}`;
}

class CouchError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One JSON request as the server admin; answers the parsed body, or throws with the server's reason. */
async function couch(
  fetchFn: Fetch,
  base: string,
  admin: Credentials,
  method: string,
  path: string,
  body?: unknown,
  accept: number[] = [],
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetchFn(base + path, {
    method,
    headers: {
      authorization: basicAuth(admin),
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // CouchDB always answers JSON; anything else is reported by status below.
  }
  if (!res.ok && !accept.includes(res.status)) {
    const reason = typeof parsed.reason === 'string' ? parsed.reason : text.slice(0, 200);
    throw new CouchError(res.status, `${method} ${path}: ${res.status} ${reason}`);
  }
  return { status: res.status, body: parsed };
}

/** Normalises a server URL to its origin; refuses anything that is not plain http(s). */
export function serverOrigin(url: string): Result<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: { code: 'invalid-argument', message: `not a URL: ${url}` } };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return {
      ok: false,
      error: { code: 'invalid-argument', message: 'the team server URL must be http or https' },
    };
  }
  if (parsed.username || parsed.password) {
    return {
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'put credentials in the environment, not in the URL',
      },
    };
  }
  if (parsed.pathname !== '/' || parsed.search || parsed.hash) {
    return {
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'the team server URL is an origin only, without a path',
      },
    };
  }
  return { ok: true, value: parsed.origin };
}

/** Creates or updates the team's database, security, design document and members. */
export async function setupTeam(
  options: TeamSetupOptions,
  fetchFn: Fetch = fetch,
): Promise<Result<JoinDetails>> {
  const origin = serverOrigin(options.serverUrl);
  if (!origin.ok) return origin;
  const base = origin.value;
  const db = teamDatabaseName(options.teamId);
  const role = teamRole(options.teamId);
  const call = (method: string, path: string, body?: unknown, accept?: number[]) =>
    couch(fetchFn, base, options.admin, method, path, body, accept);
  try {
    for (const member of options.members) {
      const name = MemberName.safeParse(member.name);
      if (!name.success) {
        return {
          ok: false,
          error: {
            code: 'invalid-argument',
            message: `${member.name}: ${name.error.issues[0].message}`,
          },
        };
      }
    }
    // CouchDB 3 leaves creating `_users` to the installer; 412 means it exists.
    await call('PUT', '/_users', undefined, [412]);
    await call('PUT', `/${db}`, undefined, [412]);
    await call('PUT', `/${db}/_security`, teamSecurity(options.teamId));
    const existing = await call('GET', `/${db}/${DESIGN_DOC_ID}`, undefined, [404]);
    const designRev = existing.status === 404 ? {} : { _rev: existing.body._rev };
    await call('PUT', `/${db}/${DESIGN_DOC_ID}`, { ...teamDesignDoc(), ...designRev });
    const members: Credentials[] = [];
    for (const member of options.members) {
      const password = member.password ?? generatePassword();
      const id = `org.couchdb.user:${member.name}`;
      const path = `/_users/${encodeURIComponent(id)}`;
      const user = await call('GET', path, undefined, [404]);
      const roles = Array.isArray(user.body.roles)
        ? (user.body.roles as unknown[]).filter(r => typeof r === 'string')
        : [];
      const next = {
        ...(user.status === 404 ? {} : user.body),
        _id: id,
        name: member.name,
        type: 'user',
        roles: roles.includes(role) ? roles : [...roles, role],
        password,
      };
      await call('PUT', path, next);
      members.push({ username: member.name, password });
    }
    return { ok: true, value: { serverUrl: base, teamId: options.teamId, database: db, members } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code =
      error instanceof CouchError && (error.status === 401 || error.status === 403)
        ? 'forbidden'
        : 'io';
    return { ok: false, error: { code, message } };
  }
}

/** Takes the team's role from a member: their next request, including a running replication, gets 401. */
export async function revokeMember(
  options: Pick<TeamSetupOptions, 'serverUrl' | 'admin' | 'teamId'> & { name: string },
  fetchFn: Fetch = fetch,
): Promise<Result<void>> {
  const origin = serverOrigin(options.serverUrl);
  if (!origin.ok) return origin;
  const role = teamRole(options.teamId);
  const path = `/_users/${encodeURIComponent(`org.couchdb.user:${options.name}`)}`;
  try {
    const user = await couch(fetchFn, origin.value, options.admin, 'GET', path);
    const roles = Array.isArray(user.body.roles) ? (user.body.roles as unknown[]) : [];
    await couch(fetchFn, origin.value, options.admin, 'PUT', path, {
      ...user.body,
      roles: roles.filter(r => r !== role),
    });
    return { ok: true, value: undefined };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'io', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
