import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
};

export interface DemoServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves a folder of static pages on 127.0.0.1 (the demo EHR, or test fixtures). A POST is
 * answered with a page echoing the form fields, so a plain form submission can be checked.
 * Only loopback: nothing here is reachable from outside the machine.
 */
export async function serveFolder(root: string, port = 0): Promise<DemoServer> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      if (request.method === 'POST') {
        let body = '';
        for await (const chunk of request) body += String(chunk);
        response.writeHead(200, { 'content-type': TYPES['.html']! });
        response.end(`<!doctype html><title>Received</title><h1>Received ${escapeHtml(path)}</h1><pre id="received">${escapeHtml(body)}</pre>`);
        return;
      }
      const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(base)) {
        response.writeHead(403).end();
        return;
      }
      try {
        const data = await readFile(file);
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(data);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      }
    })();
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
