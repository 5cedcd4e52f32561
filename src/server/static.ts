// the built web UI (dist/web): files with their content types, long caching for hashed assets, and the SPA
// fallback (index.html) for GETs that look like client-side routes; a short help page when nothing is built
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export const NOT_BUILT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Guarantor workbench</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Guarantor workbench</h1>
<p>The API is running, but the web UI has not been built yet.</p>
<p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds what is missing) and reload.</p>
<p>The API itself: <a href="/api/health">/api/health</a>, its description: <a href="/openapi.json">/openapi.json</a>.</p>
</body></html>
`;

async function fileAt(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const p = normalize(join(root, decoded));
  // never outside the web root (../ in the URL)
  if (p !== root && !p.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    const s = await stat(p);
    if (s.isFile()) return p;
    if (s.isDirectory()) {
      const index = join(p, 'index.html');
      if ((await stat(index).catch(() => undefined))?.isFile()) return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function send(path: string, body: Buffer, method: string): Response {
  const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  // Vite names assets by content hash: they never change, so cache them for a year; index.html must revalidate
  const hashed = /[/\\]assets[/\\]/.test(path) && /[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path);
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': type,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** GET/HEAD outside /api: a file, else index.html for extension-less paths, else 404 */
export async function serveWeb(c: Context, webDir: string): Promise<Response | undefined> {
  const method = c.req.method;
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  const urlPath = new URL(c.req.url).pathname;
  if (urlPath === '/api' || urlPath.startsWith('/api/')) return undefined;
  const root = normalize(webDir);
  const index = join(root, 'index.html');
  const hasIndex = await stat(index).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!hasIndex) {
    if (urlPath === '/' || !extname(urlPath))
      return c.html(NOT_BUILT_HTML, 200, { 'Cache-Control': 'no-cache' });
    return undefined;
  }
  const file = await fileAt(root, urlPath);
  if (file) return send(file, await readFile(file), method);
  if (!extname(urlPath)) return send(index, await readFile(index), method);
  return undefined;
}
