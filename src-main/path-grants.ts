/**
 * Which paths main may read on the renderer's word. The page never names a path on its own:
 * the preload registers a grant from a real (trusted) drop event, holding the paths Electron
 * itself gives for the dropped files, and main then reads only paths it was told about. A grant
 * is short-lived and single-use, so a path dropped once cannot be replayed later by a page that
 * learnt it. Pure logic (no Electron), so it is unit-tested directly.
 */

/** How long a drop's grant stays usable: the page imports right after the drop. */
export const GRANT_TTL_MS = 60_000;
/** Grants kept at once; older ones are dropped first, so a flood of drops cannot grow memory. */
const MAX_GRANTS = 32;

export interface PathGrants {
  /** Records the paths of one drop; they may be read once within the time-to-live. */
  grant(paths: readonly string[]): void;
  /**
   * Takes the one live grant that holds every path asked for, consuming it. False (and nothing
   * consumed) when any path was not granted, the grant expired or was already used.
   */
  take(paths: readonly string[]): boolean;
}

export function createPathGrants(options: { now?: () => number; ttlMs?: number } = {}): PathGrants {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? GRANT_TTL_MS;
  let grants: { paths: Set<string>; expires: number }[] = [];

  const prune = () => {
    const t = now();
    grants = grants.filter(g => g.expires > t);
  };

  return {
    grant(paths) {
      prune();
      if (paths.length === 0) return;
      grants.push({ paths: new Set(paths), expires: now() + ttl });
      if (grants.length > MAX_GRANTS) grants.splice(0, grants.length - MAX_GRANTS);
    },
    take(paths) {
      prune();
      if (paths.length === 0) return false;
      const index = grants.findIndex(g => paths.every(p => g.paths.has(p)));
      if (index < 0) return false;
      grants.splice(index, 1);
      return true;
    },
  };
}
