import { useRef, useState } from 'react';
import { fileStem, modelFiles, runFile, sweepCsv, type FileOut } from '../state/exporters';
import { readRunFile } from '../state/importRun';
import { shareHash } from '../state/links';
import { useAppState, useController } from './context';
import { canvasToPng, copyText, download, svgToPng } from './download';

/** Share, export and import: the link, the pruned model, run.json, the curves, images; importing run.json. */
export function ExportPanel() {
  const c = useController();
  const ready = useAppState((s) => s.pruning.status === 'ready' && !!s.pruning.view);
  const curves = useAppState((s) => s.sweep.status === 'done');
  const finetuned = useAppState((s) => !!s.experiments.finetune?.result);
  const neurons = useAppState((s) => s.pruning.view?.spec.granularity === 'neurons');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = (label: string, make: () => FileOut[]) => {
    try {
      make().forEach(download);
      setMessage({ text: `${label} downloaded.`, error: false });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
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
        // The chart's own surface (legend icons are small SVGs of the same class).
        const svg = document.querySelector<SVGSVGElement>(`[data-testid="${testid}"] .recharts-wrapper > svg.recharts-surface`);
        // The chart's canvases (the loss chart's batch losses) are drawn over its SVG.
        const overlays = [...(svg?.closest(`[data-testid="${testid}"]`)?.querySelectorAll('canvas') ?? [])];
        if (svg) download({ name: `${name}-${stem}.png`, type: 'image/png', data: await svgToPng(svg, overlays) });
      }
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-testid^="heatmap."]')) {
        download({ name: `${canvas.dataset.testid!.replace('heatmap.', 'heatmap-').replace('.canvas', '')}-${stem}.png`, type: 'image/png', data: await canvasToPng(canvas) });
      }
      setMessage({ text: 'Charts and heatmaps downloaded as PNG.', error: false });
    } catch (e) {
      setMessage({ text: `Images could not be made: ${e instanceof Error ? e.message : String(e)}`, error: true });
    }
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const read = await readRunFile(file);
    const error = 'error' in read ? read.error : c.importRun(read.text);
    setMessage(error ? { text: error, error: true } : { text: `${file.name} imported.`, error: false });
    if (fileInput.current) fileInput.current.value = '';
  };
  const snapshot = useAppState((s) => (s.origin?.kind === 'snapshot' ? s.origin.name : null));
  const SAYS = { settings: 'it opens the lab with these settings', train: 'it trains a network with these settings as soon as it opens', snapshot: 'it opens this pre-trained network with these pruning settings' };
  const copyLink = async (kind: 'settings' | 'train' | 'snapshot') => {
    const hash = shareHash(c.store.getState(), kind);
    if (hash === null) return;
    const url = `${location.origin}${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    const ok = await copyText(url);
    setMessage({ text: ok ? `Link copied: ${SAYS[kind]}.` : `Copy this link (${SAYS[kind]}): ${url}`, error: false });
  };

  return (
    <section className="panel export" aria-labelledby="export-title" data-testid="export">
      <h2 id="export-title">Share and export</h2>
      <div className="button-grid">
        <button type="button" data-testid="export.link" onClick={() => void copyLink('settings')} title="Copy a link that restores every setting">
          Copy link
        </button>
        <button type="button" data-testid="export.link.train" onClick={() => void copyLink('train')} title="Copy a link that trains a network with these settings on open (for a demo)">
          Link that trains
        </button>
        {snapshot && (
          <button type="button" data-testid="export.link.snapshot" onClick={() => void copyLink('snapshot')} title="Copy a link to this pre-trained network, with these pruning settings">
            Link to this snapshot
          </button>
        )}
        <button type="button" data-testid="export.model" disabled={!ready} onClick={() => run('model.json and weights.bin', () => modelFiles(c.store.getState(), 'pruned'))} title="The pruned model in the TensorFlow.js layers format (tf.loadLayersModel); pruned weights are exactly 0">
          Pruned model
        </button>
        {neurons && (
          <button type="button" data-testid="export.stripped" disabled={!ready} onClick={() => run('Stripped model', () => modelFiles(c.store.getState(), 'stripped'))} title="The smaller dense model without the pruned units (same predictions)">
            Stripped model
          </button>
        )}
        {finetuned && (
          <button type="button" data-testid="export.finetuned" onClick={() => run('Fine-tuned model', () => modelFiles(c.store.getState(), 'finetuned'))} title="The last fine-tuned network">
            Fine-tuned model
          </button>
        )}
        <button type="button" data-testid="export.run" disabled={!ready} onClick={() => run('run.json', () => [runFile(c.store.getState())])} title="Settings, split, weights, gradient statistics, masks, metrics and curves, for numpy or to import later">
          run.json
        </button>
        <button type="button" data-testid="export.csv" disabled={!curves} onClick={() => run('sweep.csv', () => [sweepCsv(c.store.getState())])} title="Every accuracy-vs-sparsity point">
          Curves (CSV)
        </button>
        <button type="button" data-testid="export.png" disabled={!ready} onClick={() => void images()} title="Each chart and heatmap as a PNG image">
          Images (PNG)
        </button>
        <button type="button" data-testid="export.import" onClick={() => fileInput.current?.click()} title="Restore an experiment from a run.json without retraining">
          Import run.json…
        </button>
      </div>
      <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="export.file" onChange={(e) => void onFile(e.target.files?.[0])} />
      {message && (
        <p className={message.error ? 'field-error' : 'muted'} role={message.error ? 'alert' : 'status'} data-testid="export.message">
          {message.text}
        </p>
      )}
    </section>
  );
}
