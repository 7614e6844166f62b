import { Component, type ReactNode } from 'react';
import { translate, type MessageKey } from '../../i18n/catalogue';
import { matchLocale, type Locale } from '../../i18n/format';
import { parseFlags, withLocale } from '../../state/store';

/**
 * The page's language, read without the controller (the boundary is rendered above its context): the
 * `lang` the App sets on the document, else the one the address and the browser's languages give, as
 * the controller picks it.
 */
function pageLocale(): Locale {
  if (typeof document === 'undefined') return 'en';
  const set = matchLocale(document.documentElement.lang);
  if (set) return set;
  return withLocale(
    parseFlags(location.search, location.hash).flags,
    typeof navigator === 'undefined' ? [] : navigator.languages,
  ).locale;
}

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
    const locale = pageLocale();
    const t = (key: MessageKey) => translate(locale, key);
    return (
      <div className="panel notice-error" role="alert" data-testid="error.boundary">
        <h2>{t('errorBoundary.title')}</h2>
        <p data-testid="error.boundary.message">{this.state.error.message}</p>
        <p>{t('errorBoundary.body')}</p>
        <button type="button" className="primary" onClick={this.retry} data-testid="error.boundary.retry">
          {t('errorBoundary.retry')}
        </button>
      </div>
    );
  }
}
