import { useRef, useState } from 'react';
import { useDropZone } from '../kit/useDropZone';
import { msg, type Msg } from '../../i18n/catalogue';
import { useController, useT } from '../kit/context';
import { Help, helpId } from '../kit/Help';
import { useChosenData } from '../training/DataChoice';
import { dataName } from '../training/ProgressPanel';

/**
 * Bring a trained model: model.json and its weight files, picked together (one input, `multiple`) or
 * dropped onto this block; scored on the data the Training panel names (said here, with its shape).
 */
export function ModelImport() {
  const c = useController();
  const t = useT();
  const data = useChosenData();
  const input = useRef<HTMLInputElement>(null);
  // A message, translated when shown (the language may change while it is on screen).
  const [message, setMessage] = useState<{ text: Msg; error: boolean } | null>(null);
  const name = dataName(data, t);

  const take = async (list: FileList | null | undefined) => {
    const files = list ? [...list] : [];
    if (input.current) input.current.value = '';
    if (files.length === 0) return;
    const error = await c.importModel(files);
    const file = files.find((f) => f.name.toLowerCase().endsWith('.json'))?.name ?? '';
    setMessage(error ? { text: error, error: true } : { text: msg('model.done', { file, name }), error: false });
  };
  const drop = useDropZone((files) => void take(files));

  return (
    <div className={drop.over ? 'model-import over' : 'model-import'} data-testid="model" {...drop.handlers}>
      <h3>{t('model.title')}</h3>
      <p>{t('model.lead')}</p>
      <div className="model-pick">
        <span className="field-label">
          <button
            type="button"
            data-testid="model.pick"
            aria-describedby={helpId('model.pick')}
            onClick={() => input.current?.click()}
          >
            {t('model.pick')}
          </button>
          <Help id="model.pick" label={t('model.pick')} text={t('model.pick.help')} />
        </span>
        <span className="muted">{t('model.drop')}</span>
      </div>
      <p className="muted" data-testid="model.data">
        {data.ready
          ? t('model.data', { name, inputs: data.inputs, classes: data.classes })
          : t('model.tableNotReady', { name })}
      </p>
      <input
        ref={input}
        type="file"
        multiple
        accept=".json,.bin,application/json,application/octet-stream"
        hidden
        data-testid="model.files"
        onChange={(e) => void take(e.target.files)}
      />
      {message && (
        <p
          className={message.error ? 'field-error' : 'muted'}
          role={message.error ? 'alert' : 'status'}
          data-testid="model.message"
        >
          {t.msg(message.text)}
        </p>
      )}
    </div>
  );
}
