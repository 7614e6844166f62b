import { useRef, useState } from 'react';
import { msg, type MessageKey, type Msg } from '../../i18n/catalogue';
import { ExportError, fileStem, modelFiles, runFile, sweepCsv, type FileOut } from '../../state/export/exporters';
import { readRunFile } from '../../state/export/importRun';
import { shareHash } from '../../state/links/links';
import { useAppState, useController, useT } from '../kit/context';
import { canvasToPng, copyText, download, svgToPng } from './download';
import { EmbedShare } from './EmbedShare';
import { ModelImport } from './ModelImport';
import { Help, helpId } from '../kit/Help';

type Kind = 'settings' | 'train' | 'snapshot';
const COPIED = {
  settings: 'share.copied.settings',
  train: 'share.copied.train',
  snapshot: 'share.copied.snapshot',
} as const satisfies Record<Kind, MessageKey>;
const MANUAL = {
  settings: 'share.manual.settings',
  train: 'share.manual.train',
  snapshot: 'share.manual.snapshot',
} as const satisfies Record<Kind, MessageKey>;

/** A PNG download named `file` (a file name, not text to translate). */
const png = (file: string, data: Blob): Parameters<typeof download>[0] => ({ name: file, type: 'image/png', data });

/** A button of the grid with its explanation ("?") beside it; `id` is its test id and its message key. */
function ExportButton({
  id,
  label,
  help,
  disabled,
  onClick,
}: {
  id: string;
  label: string;
  help: string;
  disabled?: boolean;
  onClick(): void;
}) {
  return (
    <span className="field-label">
      <button
        type="button"
        data-testid={id}
        disabled={disabled}
        onClick={onClick}
        aria-describedby={helpId(id)}
        style={{ flex: 1 }}
      >
        {label}
      </button>
      <Help id={id} label={label} text={help} />
    </span>
  );
}

/** Share, export and import: the link, the pruned model, run.json, the curves, images; importing run.json. */
export function ExportPanel() {
  const c = useController();
  const t = useT();
  const ready = useAppState((s) => s.pruning.status === 'ready' && !!s.pruning.view);
  const curves = useAppState((s) => s.sweep.status === 'done');
  const finetuned = useAppState((s) => !!s.experiments.finetune?.result);
  const neurons = useAppState((s) => s.pruning.view?.spec.granularity === 'neurons');
  // A message, translated when shown (the language may change while it is on screen).
  const [message, setMessage] = useState<{ text: Msg; error: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

  const run = (done: MessageKey, make: () => FileOut[]) => {
    try {
      make().forEach(download);
      setMessage({ text: msg(done), error: false });
    } catch (e) {
      setMessage({
        text: e instanceof ExportError ? e.why : msg('export.failed', { detail: errorText(e) }),
        error: true,
      });
    }
  };
  const images = async () => {
    try {
      const stem = fileStem(c.store.getState());
      const charts: [string, string][] = [
        ['chart.plot', 'accuracy-vs-sparsity'],
        ['curves.loss', 'training-loss'],
        ['curves.accuracy', 'training-accuracy'],
      ];
      for (const [testid, name] of charts) {
        // The chart's own surface (recharts', or the training curves' frame; legend icons are small SVGs).
        const svg = document.querySelector<SVGSVGElement>(
          `[data-testid="${testid}"] .recharts-wrapper > svg.recharts-surface, [data-testid="${testid}"] svg.epoch-frame`,
        );
        // The chart's canvases (its lines) are drawn over its SVG.
        const overlays = [...(svg?.closest(`[data-testid="${testid}"]`)?.querySelectorAll('canvas') ?? [])];
        if (svg) download(png(`${name}-${stem}.png`, await svgToPng(svg, overlays)));
      }
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-testid^="heatmap."]')) {
        download(
          png(
            `${canvas.dataset.testid!.replace('heatmap.', 'heatmap-').replace('.canvas', '')}-${stem}.png`,
            await canvasToPng(canvas),
          ),
        );
      }
      setMessage({ text: msg('export.png.done'), error: false });
    } catch (e) {
      setMessage({ text: msg('export.png.failed', { detail: errorText(e) }), error: true });
    }
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const read = await readRunFile(file);
    const error = 'error' in read ? read.error : c.importRun(read.text);
    setMessage(
      error ? { text: error, error: true } : { text: msg('export.import.done', { file: file.name }), error: false },
    );
    if (fileInput.current) fileInput.current.value = '';
  };
  const snapshot = useAppState((s) => (s.origin?.kind === 'snapshot' ? s.origin.name : null));
  const copyLink = async (kind: Kind) => {
    const hash = shareHash(c.store.getState(), kind);
    if (hash === null) return;
    const url = `${location.origin}${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    const ok = await copyText(url);
    setMessage({ text: ok ? msg(COPIED[kind]) : msg(MANUAL[kind], { url }), error: false });
  };
  const state = () => c.store.getState();
  const userTable = useAppState((s) => s.dataset?.table?.name ?? null);
  const chosenTable = useAppState((s) => s.flags.table);
  const modelFile = useAppState((s) => (s.origin?.kind === 'model' ? s.origin.file : null));

  return (
    <section className="panel export" aria-labelledby="export-title" data-testid="export">
      <h2 id="export-title">{t('export.title')}</h2>
      <div className="button-grid">
        <ExportButton
          id="export.link"
          label={t('share.link')}
          help={t('share.link.help')}
          onClick={() => void copyLink('settings')}
        />
        <ExportButton
          id="export.link.train"
          label={t('share.train')}
          help={t('share.train.help')}
          onClick={() => void copyLink('train')}
        />
        {snapshot && (
          <ExportButton
            id="export.link.snapshot"
            label={t('share.snapshot')}
            help={t('share.snapshot.help')}
            onClick={() => void copyLink('snapshot')}
          />
        )}
        <ExportButton
          id="export.model"
          label={t('export.model')}
          help={t('export.model.help')}
          disabled={!ready}
          onClick={() => run('export.model.done', () => modelFiles(state(), 'pruned'))}
        />
        {neurons && (
          <ExportButton
            id="export.stripped"
            label={t('export.stripped')}
            help={t('export.stripped.help')}
            disabled={!ready}
            onClick={() => run('export.stripped.done', () => modelFiles(state(), 'stripped'))}
          />
        )}
        {finetuned && (
          <ExportButton
            id="export.finetuned"
            label={t('export.finetuned')}
            help={t('export.finetuned.help')}
            onClick={() => run('export.finetuned.done', () => modelFiles(state(), 'finetuned'))}
          />
        )}
        <ExportButton
          id="export.run"
          label={t('export.run')}
          help={t('export.run.help')}
          disabled={!ready}
          onClick={() => run('export.run.done', () => [runFile(state())])}
        />
        <ExportButton
          id="export.csv"
          label={t('export.csv')}
          help={t('export.csv.help')}
          disabled={!curves}
          onClick={() => run('export.csv.done', () => [sweepCsv(state())])}
        />
        <ExportButton
          id="export.png"
          label={t('export.png')}
          help={t('export.png.help')}
          disabled={!ready}
          onClick={() => void images()}
        />
        <ExportButton
          id="export.import"
          label={t('export.import')}
          help={t('export.import.help')}
          onClick={() => fileInput.current?.click()}
        />
      </div>
      {(chosenTable ?? userTable) && (
        <p className="muted" data-testid="export.userData">
          {chosenTable ? t('data.linkNamesTable', { name: chosenTable }) : t('data.notInLink', { name: userTable! })}
        </p>
      )}
      {modelFile && (
        <p className="muted" data-testid="export.modelNotInLink">
          {t('model.notInLink', { file: modelFile })}
        </p>
      )}
      <ModelImport />
      <EmbedShare />
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="export.file"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {message && (
        <p
          className={message.error ? 'field-error' : 'muted'}
          role={message.error ? 'alert' : 'status'}
          data-testid="export.message"
        >
          {t.msg(message.text)}
        </p>
      )}
    </section>
  );
}
