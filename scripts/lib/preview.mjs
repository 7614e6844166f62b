// `vite preview` of the production build for the scripts (bench, experiment, screenshot, snapshots).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './src.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const serving = (url) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );

/**
 * Serves dist/ with `vite preview` on `port`, in its own process group so the whole group (npx + node)
 * can be stopped. `privateCopy` serves a copy of dist/, so a `vite build` run by someone else meanwhile
 * (e.g. `npm test`) cannot swap the code under measurement half-way. `ensure()` starts the server again
 * if it died (and notes it in `events`). Stopped on process exit.
 * @param {{ port: number, privateCopy?: boolean, log?: (...a: unknown[]) => void }} options
 */
export async function startPreview({ port, privateCopy = false, log = () => {} }) {
  const url = `http://localhost:${port}/`;
  // GPL_DIST serves another build (e.g. an older commit's, for a before/after comparison in one session).
  const dist = process.env.GPL_DIST ? path.resolve(process.env.GPL_DIST) : path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ has no build; run "npm run build" first.');
  if (await serving(url)) throw new Error(`something already serves ${url}; stop it or pick another port`);
  let outDir = dist;
  if (privateCopy) {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'gpl-dist-'));
    cpSync(dist, outDir, { recursive: true });
  }
  const groups = new Set();
  const events = [];
  let child = null;
  let exited = null;
  let stopping = false;

  const spawnOnce = () => {
    let output = '';
    exited = null;
    const proc = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', outDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child = proc;
    if (proc.pid !== undefined) groups.add(proc.pid);
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    proc.on('exit', (code, signal) => {
      if (child !== proc) return;
      exited = { code, signal, output };
      if (!stopping) {
        events.push(
          `${new Date().toISOString()} vite preview (pid ${proc.pid}) exited (code ${code}, signal ${signal})`,
        );
        log(events.at(-1));
      }
    });
  };
  const killAll = () => {
    for (const pgid of groups) {
      try {
        process.kill(-pgid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    groups.clear();
  };
  const stop = () => {
    stopping = true;
    killAll();
    if (privateCopy) setTimeout(() => rmSync(outDir, { recursive: true, force: true }), 200).unref();
  };
  const start = async () => {
    stopping = false;
    spawnOnce();
    const deadline = Date.now() + 60_000;
    while (!(await serving(url))) {
      if (exited) throw new Error(`vite preview exited (code ${exited.code}) before serving:\n${exited.output.trim()}`);
      if (Date.now() > deadline) {
        killAll();
        throw new Error(`vite preview did not serve ${url} within 60 s`);
      }
      await sleep(200);
    }
  };
  process.once('exit', () => {
    killAll();
    if (privateCopy) rmSync(outDir, { recursive: true, force: true });
  });
  await start();
  return {
    url,
    events,
    stop,
    /** Restarts the server when it is gone (the npx wrapper may have died while its vite child still serves). */
    async ensure() {
      if ((child && !exited) || (await serving(url))) return;
      events.push(`${new Date().toISOString()} vite preview restarted`);
      log('restarting vite preview…');
      await start();
    },
  };
}
