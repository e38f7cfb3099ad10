/**
 * The `team:*` payloads: joining a team, the team a profile is in, leaving it. The page sends the
 * server, team, user name and password once, on join; main checks them against the server, keeps
 * them (credential-store.ts) and from then on answers with the team id and user name only — the
 * server's address and the password never come back to the page.
 */
import { z } from 'zod';
import { TeamId } from '../sync/design-doc';
import { MemberName } from '../sync/team-setup';

export const TeamJoinRequestSchema = z
  .object({
    /** The team server's origin, e.g. `https://couch.example.org:6984` (checked by main). */
    serverUrl: z.string().min(1).max(2000),
    teamId: TeamId,
    username: MemberName,
    password: z.string().min(1).max(1024),
  })
  .strict();
export type TeamJoinRequest = z.infer<typeof TeamJoinRequestSchema>;

/** The profile's team as the page may know it: never the server's address, never the password. */
export const TeamStatusSchema = z.discriminatedUnion('joined', [
  z.object({ joined: z.literal(false) }).strict(),
  z.object({ joined: z.literal(true), teamId: TeamId, username: MemberName }).strict(),
]);
export type TeamStatus = z.infer<typeof TeamStatusSchema>;
