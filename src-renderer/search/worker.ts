/**
 * The search worker's entry: hosts the index (`host.ts`) off the page's main thread. Started by
 * `client.ts` with `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`,
 * which Vite bundles as a file of its own; the CSP's `script-src 'self'` covers it (workers fall
 * back to script-src), and it opens the same IndexedDB database as the page to save the index.
 */
import { SearchHost } from './host';

const host = new SearchHost();

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  void host.handle(event.data).then(reply => self.postMessage(reply));
});
