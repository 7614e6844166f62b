import { Component, type ReactNode } from 'react';

/** A render error shows a recoverable panel instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode; onRetry?: () => void }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  private retry = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel notice-error" role="alert" data-testid="error.boundary">
        <h2>Something went wrong while drawing the page</h2>
        <p data-testid="error.boundary.message">{this.state.error.message}</p>
        <p>Your settings are kept in the address bar. Try again, or reload the page.</p>
        <button type="button" className="primary" onClick={this.retry} data-testid="error.boundary.retry">
          Try again
        </button>
      </div>
    );
  }
}
