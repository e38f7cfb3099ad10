// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, ViewFailed } from './ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

function Bomb({ armed }: { armed: boolean }) {
  if (armed) throw new Error('record is malformed');
  return <p>content</p>;
}

describe('ErrorBoundary', () => {
  it('shows the fallback in place of children that throw, and keeps its siblings', () => {
    act(() =>
      root.render(
        <div>
          <p>sibling</p>
          <ErrorBoundary fallback={error => <p role="alert">failed: {error.message}</p>}>
            <Bomb armed />
          </ErrorBoundary>
        </div>,
      ),
    );
    expect(container.textContent).toContain('sibling');
    expect(container.querySelector('[role=alert]')?.textContent).toBe(
      'failed: record is malformed',
    );
  });

  it('tries the children again when the reset key changes', () => {
    const show = (key: string, armed: boolean) =>
      act(() =>
        root.render(
          <ErrorBoundary resetKey={key} fallback={() => <p>failed</p>}>
            <Bomb armed={armed} />
          </ErrorBoundary>,
        ),
      );
    show('a', true);
    expect(container.textContent).toBe('failed');
    show('a', false);
    expect(container.textContent).toBe('failed');
    show('b', false);
    expect(container.textContent).toBe('content');
  });

  it('tries the children again when the fallback retries', () => {
    const fault = { armed: true };
    function Flaky() {
      return <Bomb armed={fault.armed} />;
    }
    act(() =>
      root.render(
        <ErrorBoundary
          fallback={(_, retry) => (
            <button type="button" onClick={retry}>
              retry
            </button>
          )}
        >
          <Flaky />
        </ErrorBoundary>,
      ),
    );
    expect(container.textContent).toBe('retry');
    fault.armed = false;
    act(() => container.querySelector('button')?.click());
    expect(container.textContent).toBe('content');
  });
});

describe('ViewFailed', () => {
  it('names the view and the error, says the data is unchanged, and offers to try again', () => {
    const retry = vi.fn();
    act(() =>
      root.render(<ViewFailed view="All highlights" error={new Error('boom')} retry={retry} />),
    );
    const alert = container.querySelector('[role=alert]');
    expect(alert?.querySelector('h1')?.textContent).toBe('All highlights could not be displayed');
    expect(alert?.textContent).toContain('Your data is unchanged');
    expect(alert?.textContent).toContain('boom');
    act(() => alert?.querySelector('button')?.click());
    expect(retry).toHaveBeenCalledOnce();
  });
});
