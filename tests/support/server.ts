import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A static server for a built site, listening on 127.0.0.1 only. */
export interface StaticServer {
  /** Origin plus base path, ending in `/`, such as `http://127.0.0.1:40123/okrs/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` under `base` (default `/`) on a free loopback port. */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const files = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(prefix) && `${url}/` !== prefix) {
      response.statusCode = 404;
      response.end('not under the base path');
      return;
    }
    request.url = `/${url.slice(prefix.length)}`;
    files(request, response, () => {
      response.statusCode = 404;
      response.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
