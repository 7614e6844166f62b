import { useAppState, useT } from './kit/context';
import { RichText } from './kit/RichText';

/** Names the source article (a blog post in Chinese), and what the lab keeps of it and corrects. */
export function AboutArticle() {
  const t = useT();
  const present = useAppState((s) => s.flags.present);
  if (present) return null;
  return (
    <details className="about" data-testid="about">
      <summary>
        <strong>{t('about.title')}</strong> <RichText text={t('about.lead')} />
      </summary>
      <p>
        <RichText text={t('about.keeps')} />
      </p>
      <p>
        <RichText text={t('about.corrects')} />
      </p>
    </details>
  );
}
