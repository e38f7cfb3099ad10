import { defineConfig } from 'vitest/config';

// Vitest's defaults, plus the one team server that sync tests replicate against.
export default defineConfig({
  test: {
    globalSetup: ['src-main/testing/couch-global-setup.ts'],
  },
});
