import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(root, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only `electron` and a few built-ins, so zod (which checks
      // every answer before the page sees it) is bundled in instead of left as an external.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(root, 'src-main/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
