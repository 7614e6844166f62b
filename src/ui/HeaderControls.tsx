import { useId } from 'react';
import { LOCALES, type Locale } from '../i18n/format';
import { openStep } from '../state/tour/tour';
import { useAppState, useController, useT } from './kit/context';

/**
 * The header's controls: start the tour, presenter mode, the language.
 */
export function HeaderControls() {
  const c = useController();
  const t = useT();
  const locale = useAppState((s) => s.flags.locale);
  const touring = useAppState((s) => s.flags.tour !== null);
  const present = useAppState((s) => s.flags.present);
  const langId = useId();
  return (
    <div className="header-controls">
      {!touring && (
        <button type="button" className="primary" onClick={() => openStep(c, 1)} data-testid="tour.start">
          {t('tour.start')}
        </button>
      )}
      <button
        type="button"
        aria-pressed={present}
        onClick={() => c.updateFlags({ present: !present })}
        data-testid="present.toggle"
      >
        {present ? t('present.off') : t('present.on')}
      </button>
      <label htmlFor={langId} className="sr-only">
        {t('app.language')}
      </label>
      <select
        id={langId}
        value={locale}
        onChange={(e) => c.updateFlags({ lang: e.target.value as Locale })}
        data-testid="lang.select"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`app.language.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
