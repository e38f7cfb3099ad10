// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reactRoot } from '../../testing-dom';
import { ErrorBoundary, ViewFailed } from './ErrorBoundary';

const dom = reactRoot();
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

function Bomb({ armed }: { armed: boolean }) {
  if (armed) throw new Error('record is malformed');
  return <p>content</p>;
}

describe('ErrorBoundary', () => {
  it('shows the fallback in place of children that throw, and keeps its siblings', () => {
    act(() =>
      dom.root.render(
        <div>
          <p>sibling</p>
          <ErrorBoundary fallback={error => <p role="alert">failed: {error.message}</p>}>
            <Bomb armed />
          </ErrorBoundary>
        </div>,
      ),
    );
    expect(dom.container.textContent).toContain('sibling');
    expect(dom.container.querySelector('[role=alert]')?.textContent).toBe(
      'failed: record is malformed',
    );
  });

  it('tries the children again when the reset key changes', () => {
    const show = (key: string, armed: boolean) =>
      act(() =>
        dom.root.render(
          <ErrorBoundary resetKey={key} fallback={() => <p>failed</p>}>
            <Bomb armed={armed} />
          </ErrorBoundary>,
        ),
      );
    show('a', true);
    expect(dom.container.textContent).toBe('failed');
    show('a', false);
    expect(dom.container.textContent).toBe('failed');
    show('b', false);
    expect(dom.container.textContent).toBe('content');
  });

  it('tries the children again when the fallback retries', () => {
    const fault = { armed: true };
    function Flaky() {
      return <Bomb armed={fault.armed} />;
    }
    act(() =>
      dom.root.render(
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
    expect(dom.container.textContent).toBe('retry');
    fault.armed = false;
    act(() => dom.container.querySelector('button')?.click());
    expect(dom.container.textContent).toBe('content');
  });
});

describe('ViewFailed', () => {
  it('names the view and the error, says the data is unchanged, and offers to try again', () => {
    const retry = vi.fn();
    act(() =>
      dom.root.render(<ViewFailed view="All highlights" error={new Error('boom')} retry={retry} />),
    );
    const alert = dom.container.querySelector('[role=alert]');
    expect(alert?.querySelector('h1')?.textContent).toBe('All highlights could not be displayed');
    expect(alert?.textContent).toContain('Your data is unchanged');
    expect(alert?.textContent).toContain('boom');
    act(() => alert?.querySelector('button')?.click());
    expect(retry).toHaveBeenCalledOnce();
  });
});
