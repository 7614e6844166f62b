/**
 * A plain static file server for the e2e tests: serves dist/ under a sub-path, with no special headers
 * (only Content-Type), like GitHub Pages or `python3 -m http.server` would.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.gz': 'application/gzip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The build's folder, dist/. */
export const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/**
 * Serves a build under `prefix` on `port` (0: a free port, `server.address()` says which). `dir` says which
 * build at each request (the offline test switches to a newer build while the page is open).
 */
export function serveDist(prefix: string, port: number, dir: () => string = () => DIST): Promise<Server> {
  const server = createServer((req, res) => {
    const root = dir();
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((r) => server.listen(port, () => r(server)));
}
