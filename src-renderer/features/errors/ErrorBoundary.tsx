/**
 * React unmounts the whole tree when a component throws while rendering, so one bad record (a
 * note the parser chokes on, a record a restore let through) would white-screen the app, and keep
 * doing so after a restart. A boundary confines the failure to the part that failed: the rest of
 * the app keeps working and the failed part says so instead of vanishing.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the children once they have thrown. */
  fallback: (error: Error, retry: () => void) => ReactNode;
  /** When this value changes the boundary tries its children again (a new note text, a new view). */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Catches errors thrown while rendering its children and shows `fallback` in their place,
 * until `resetKey` changes or the fallback calls `retry`.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (Object.is(props.resetKey, state.resetKey)) return null;
    return { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A view failed to render:', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error
      ? this.props.fallback(this.state.error, this.retry)
      : this.props.children;
  }
}

/** The fallback for a whole view: names the view and the error, and offers to try again. */
export function ViewFailed({
  view,
  error,
  retry,
}: {
  view: string;
  error: Error;
  retry: () => void;
}) {
  return (
    <main className="reading-pane">
      <div className="view-failed" role="alert">
        <h1>{view} could not be displayed</h1>
        <p>
          Your data is unchanged. The rest of Readout keeps working; choose another article or view,
          or try again.
        </p>
        <p className="view-failed-detail">{error.message}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    </main>
  );
}
