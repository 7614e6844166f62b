import { useT } from './kit/context';
import { RichText } from './kit/RichText';

/** A short statement of what the lab computes. */
export function HowItWorks() {
  const t = useT();
  return (
    <details className="panel how" data-testid="how">
      <summary>{t('how.title')}</summary>
      <p>
        <RichText text={t('how.network')} />
      </p>
      <p>
        <RichText text={t('how.slider')} />
      </p>
      <p>
        <RichText text={t('how.caveat')} />
      </p>
    </details>
  );
}
