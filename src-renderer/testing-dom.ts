/**
 * A React root in jsdom for component tests, fresh for each test: mounted on a new element in
 * the document before it and unmounted after it. Call `reactRoot()` at the top of a test file
 * (with `// @vitest-environment jsdom`) and render through `dom.root`.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface TestDom {
  /** The element the root renders into, inside `document.body`. */
  readonly container: HTMLDivElement;
  readonly root: Root;
}

export function reactRoot(): TestDom {
  let container: HTMLDivElement | null = null;
  let root: Root | null = null;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root?.unmount());
    container?.remove();
  });
  return {
    get container() {
      if (!container) throw new Error('reactRoot: used outside a test');
      return container;
    },
    get root() {
      if (!root) throw new Error('reactRoot: used outside a test');
      return root;
    },
  };
}
