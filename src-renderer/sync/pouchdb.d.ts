/**
 * The part of PouchDB 9 that Readout uses, typed here because @types/pouchdb-core declares DOM
 * globals and a global `Buffer` that break main's Node types. Kept to what the sync code calls.
 */
declare namespace ReadoutPouch {
  interface Meta {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _conflicts?: string[];
    _revisions?: { start: number; ids: string[] };
  }
  type Doc<T = Record<string, unknown>> = T & Meta;

  interface Ok {
    ok: true;
    id: string;
    rev: string;
  }
  interface WriteError {
    error: string | true;
    id?: string;
    status?: number;
    name?: string;
    message?: string;
  }

  interface ChangesResult<T> {
    results: { id: string; seq: number | string; deleted?: boolean; doc?: Doc<T> }[];
    last_seq: number | string;
  }

  interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
    status: string;
  }

  interface Replication extends Promise<ReplicationResult> {
    cancel(): void;
    on(
      event: 'change' | 'complete' | 'error' | 'denied' | 'paused' | 'active',
      listener: (info: unknown) => void,
    ): this;
  }

  interface ReplicateOptions {
    live?: boolean;
    retry?: boolean;
    batch_size?: number;
    batches_limit?: number;
  }

  interface Database<T = Record<string, unknown>> {
    readonly name: string;
    get(
      id: string,
      options?: { rev?: string; revs?: boolean; conflicts?: boolean },
    ): Promise<Doc<T>>;
    get(
      id: string,
      options: { open_revs: 'all' | string[]; revs?: boolean },
    ): Promise<({ ok: Doc<T> } | { missing: string })[]>;
    put(doc: Doc<T> | Doc<Record<string, unknown>>): Promise<Ok>;
    remove(id: string, rev: string): Promise<Ok>;
    bulkDocs(
      docs: Doc<Record<string, unknown>>[],
      options?: { new_edits?: boolean },
    ): Promise<(Ok | WriteError)[]>;
    allDocs(options?: { include_docs?: boolean; conflicts?: boolean; keys?: string[] }): Promise<{
      rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Doc<T> }[];
    }>;
    changes(options: {
      since: number | string;
      include_docs?: boolean;
      conflicts?: boolean;
      limit?: number;
    }): Promise<ChangesResult<T>>;
    info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
    replicate: {
      to(target: Database | string, options?: ReplicateOptions): Replication;
      from(source: Database | string, options?: ReplicateOptions): Replication;
    };
    destroy(): Promise<void>;
    close(): Promise<void>;
  }

  interface Options {
    adapter?: string;
    prefix?: string;
    skip_setup?: boolean;
    auth?: { username: string; password: string };
    fetch?: (url: string, init: RequestInit) => Promise<Response>;
    /** Dexie and PouchDB share a page: PouchDB's idb adapter keeps its own database names. */
    revs_limit?: number;
  }

  interface Static {
    new <T = Record<string, unknown>>(name: string, options?: Options): Database<T>;
    plugin(plugin: Plugin): Static;
    defaults(options: Options): Static;
  }

  type Plugin = (PouchDB: Static) => void;
}

declare module 'pouchdb-core' {
  const PouchDB: ReadoutPouch.Static;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: ReadoutPouch.Plugin;
  export default plugin;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: ReadoutPouch.Plugin;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: ReadoutPouch.Plugin;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: ReadoutPouch.Plugin;
  export default plugin;
}
