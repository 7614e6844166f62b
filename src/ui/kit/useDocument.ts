import { useEffect } from 'react';
import { useAppState, useT } from './context';

/**
 * The document follows the page's state: `<html lang>` (screen readers, the error boundary), the title,
 * and `data-theme` for `theme=light|dark` (the stylesheet's colours follow it; auto: the OS's scheme).
 */
export function useDocument(): void {
  const t = useT();
  const locale = useAppState((s) => s.flags.locale);
  const theme = useAppState((s) => s.flags.theme);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);
  useEffect(() => {
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
