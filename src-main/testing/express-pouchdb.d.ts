/** express-pouchdb ships no types; this is the part the test server uses. */
declare module 'express-pouchdb' {
  import type { Server } from 'node:http';

  interface ExpressPouchDBOptions {
    mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
    inMemoryConfig?: boolean;
    configPath?: string;
    logPath?: string;
    overrideMode?: { include?: string[]; exclude?: string[] };
  }

  interface ExpressPouchDBApp {
    /** Runs on every database before a request uses it; wrappers registered later wrap outside. */
    dbWrapper: {
      registerWrapper(
        wrapper: (
          name: string,
          db: { bulkDocs: (...args: unknown[]) => unknown },
          next: () => unknown,
        ) => unknown,
      ): void;
    };
    /** The log file's writer, which holds a file handle until ended. */
    couchLogger?: { _stream?: { end(callback: () => void): void } };
    listen(port: number, host: string, callback: () => void): Server;
  }

  function expressPouchDB(
    PouchDB: ReadoutPouch.Static,
    options?: ExpressPouchDBOptions,
  ): ExpressPouchDBApp;
  export default expressPouchDB;
}
