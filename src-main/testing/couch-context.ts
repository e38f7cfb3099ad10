/**
 * What the vitest global setup provides to tests (see couch-global-setup.ts): the test team
 * server's address and admin. Imported for its type by tests in main and in the renderer.
 */
export interface CouchServerContext {
  url: string;
  admin: { username: string; password: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    couchServer: CouchServerContext;
  }
}
