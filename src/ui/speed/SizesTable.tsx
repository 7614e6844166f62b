import { useState } from 'react';
import { msg, type Msg } from '../../i18n/catalogue';
import { compressedModelFiles, ExportError } from '../../state/export/exporters';
import type { SizeRow } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { download } from '../export/download';
import { pct } from '../kit/format';
import { Help } from '../kit/Help';
import { StatsTable } from '../kit/StatsTable';
import { kb, times } from './speedFormat';

/**
 * The measured size of every export format of the pruned network (raw and gzip), against the dense
 * float32 file, with the validation accuracy of what each decodes to, and a download for each (at the
 * slider's current mask). The TensorFlow.js recipe's figure is reported against the 8-bit dense row.
 */
export function SizesTable() {
  const c = useController();
  const t = useT();
  const sizes = useAppState((s) => s.speed.sizes);
  const [message, setMessage] = useState<{ text: Msg; error: boolean } | null>(null);
  if (!sizes || (sizes.status !== 'done' && sizes.status !== 'error')) return null;
  if (sizes.status === 'error')
    return (
      <p className="field-error" role="alert">
        {t('speed.error', { detail: sizes.error ?? '' })}
      </p>
    );
  const base = sizes.rows.find((r) => r.format === 'float32' && r.layout === 'dense');
  const int8 = sizes.rows.find((r) => r.format === 'int8-layer' && r.layout === 'dense');
  const save = (r: SizeRow) => {
    try {
      const files = compressedModelFiles(c.store.getState(), r.format, r.layout);
      files.forEach(download);
      setMessage({ text: msg('sizes.downloaded', { name: files.map((f) => f.name).join(', ') }), error: false });
    } catch (e) {
      setMessage({
        text:
          e instanceof ExportError
            ? e.why
            : msg('export.failed', { detail: e instanceof Error ? e.message : String(e) }),
        error: true,
      });
    }
  };
  const caption = t('sizes.caption', {
    sparsity: pct(sizes.sparsity ?? 0),
    criterion: t(`criterion.${sizes.criterion}.label`),
  });
  const columns = [
    ...(['format', 'layout', 'loader', 'bytes', 'gzip', 'ratio', 'accuracy'] as const).map((k) => t(`sizes.col.${k}`)),
    <span className="sr-only">{t('sizes.download')}</span>,
  ];
  return (
    <div className="sizes" data-testid="sizes">
      <h3>
        {t('sizes.title')} <Help id="sizes.help" label={t('sizes.title')} text={t('sizes.help')} />
      </h3>
      <p className="muted">{t('sizes.lead')}</p>
      <StatsTable testid="sizes.table" caption={caption} columns={columns}>
        {sizes.rows.map((r) => (
          <tr
            key={`${r.format}-${r.layout}`}
            data-testid={`sizes.row.${r.format}.${r.layout}`}
            data-bytes={r.bytes}
            data-gzip={r.gzipBytes}
            data-accuracy={r.valAccuracy}
          >
            <th scope="row">{t(`sizes.format.${r.format}`)}</th>
            <td>{t(`sizes.layout.${r.layout}`)}</td>
            <td>{t(`sizes.loader.${r.loader}`)}</td>
            <td>{t('sizes.kb', { kb: kb(r.bytes) })}</td>
            <td>{t('sizes.kb', { kb: kb(r.gzipBytes) })}</td>
            <td>{base ? t('sizes.ratio', { times: times(base.bytes / r.gzipBytes) }) : '–'}</td>
            <td>{pct(r.valAccuracy, 2)}</td>
            <td>
              <button
                type="button"
                className="small"
                data-testid={`sizes.download.${r.format}.${r.layout}`}
                aria-label={t('sizes.download.label', {
                  format: t(`sizes.format.${r.format}`),
                  layout: t(`sizes.layout.${r.layout}`),
                })}
                onClick={() => save(r)}
              >
                {t('sizes.download')}
              </button>
            </td>
          </tr>
        ))}
      </StatsTable>
      {base && int8 && (
        <p className="muted small" data-testid="sizes.recipe">
          {t('sizes.recipe', { gz: times(int8.bytes / int8.gzipBytes), total: times(base.bytes / int8.gzipBytes) })}
        </p>
      )}
      {message && (
        <p
          className={message.error ? 'field-error' : 'muted'}
          role={message.error ? 'alert' : 'status'}
          data-testid="sizes.message"
        >
          {t.msg(message.text)}
        </p>
      )}
    </div>
  );
}
