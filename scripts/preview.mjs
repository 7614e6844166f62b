// Starts `vite preview` of dist/ on a port for the scripts (experiment, screenshot) and stops it.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {Promise<{ url: string, stop: () => void }>} */
export async function startPreview(port) {
  const url = `http://localhost:${port}/`;
  if (await fetch(url).then((r) => r.ok, () => false)) throw new Error(`something already serves ${url}; stop it or pick another port`);
  const child = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  for (let i = 0; i < 150; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview did not start on ${url}`);
}
