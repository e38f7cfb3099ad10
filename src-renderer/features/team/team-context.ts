/**
 * The joined team as the page's components see it: the desk's Dexie (with the sync tables), the
 * analyst's user name and the clock. Components read it through these hooks, so a highlight,
 * note or meeting field mounts its conflict badge with one line and shows nothing while no team
 * is joined (there is no provider, and no query runs).
 */
import { createContext, useContext } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { docIdOf, type DocRef } from '../../sync/documents';
import { decisionConflicts, type DecisionNeeded } from '../../sync/needs-decision';
import type { SyncDexie } from '../../sync/sync-db';
import type { Decider } from './resolve';

/** A desk that has joined a team. */
export interface TeamDesk extends Decider {
  db: SyncDexie;
}

export const TeamContext = createContext<TeamDesk | null>(null);

/** The joined desk; null while the profile belongs to no team. */
export function useTeamDesk(): TeamDesk | null {
  return useContext(TeamContext);
}

/** What a badge stands on: a synced record, or one field of a meeting. */
export type ConflictSubject = DocRef | { meetingId: string; field?: string };

/** The subject's id in Needs-your-decision terms: the document id, or the meeting id. */
export function subjectId(subject: ConflictSubject, me: string): string {
  return 'meetingId' in subject ? subject.meetingId : docIdOf(subject, me);
}

/** The open entries on one document (`highlight:<id>`, …) or one meeting, live; [] without a team. */
export function useConflictsFor(docId: string, field?: string): DecisionNeeded[] {
  const desk = useTeamDesk();
  const found = useLiveQuery(
    async () => {
      if (!desk) return [];
      const rows = await desk.db.syncConflicts.where('docId').equals(docId).toArray();
      const fromDoc: DecisionNeeded[] = rows.map(r => ({
        id: r.id,
        source: 'doc',
        subject: r.docId,
        field: r.field,
        values: r.values,
      }));
      const decisions = await desk.db.meetingDecisions.where('meetingId').equals(docId).toArray();
      const all = [...fromDoc, ...decisionConflicts(decisions)];
      return field === undefined ? all : all.filter(n => n.field === field);
    },
    [desk, docId, field],
    [],
  );
  return found;
}
