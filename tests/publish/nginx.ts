/**
 * A real nginx (Debian's /usr/sbin/nginx) serving one folder on a free port, for tests and the
 * benchmark: the config is written to a temporary folder, the access log records the bytes of
 * every answer ($body_bytes_sent), and `stop()` ends the master process it started.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** A running nginx. */
export interface Nginx {
  url: string;
  port: number;
  /** Bytes sent in answers since the start (or since `resetLog`), from the access log. */
  bytesSent(): number;
  /** Requests logged, as `METHOD path status bytes range`. */
  requests(): string[];
  resetLog(): void;
  stop(): Promise<void>;
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Start nginx serving `root` at http://127.0.0.1:<port>/. `csp` adds a Content-Security-Policy
 * header to every answer, as the published folder's server notes ask; `aliases` serves other
 * folders under a path (`{ '/data/': '/tmp/ds/' }`: the app and its data from one origin);
 * `cors` lets a page of any origin read it, range requests included (what docs/publish.md asks
 * of a data server on another origin: the origin allowed, Range allowed in the preflight).
 * @example const server = await startNginx('/tmp/site'); …; await server.stop();
 */
export async function startNginx(root: string, options: { csp?: string; aliases?: Record<string, string>; cors?: boolean } = {}): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
  const port = await freePort();
  const log = join(dir, 'access.log');
  const pid = join(dir, 'nginx.pid');
  // As root, nginx's workers would run as nobody and not read a test's private temporary folder.
  const mime = existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : '';
  // add_header in a location replaces the server's, so every location repeats them.
  const headers = [
    options.csp ? `add_header Content-Security-Policy "${options.csp}" always;` : '',
    options.cors
      ? 'add_header Access-Control-Allow-Origin $http_origin always; add_header Access-Control-Allow-Headers Range always; add_header Access-Control-Expose-Headers "Content-Length, Content-Range" always; add_header Vary Origin always;'
      : '',
  ].join(' ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
${process.getuid?.() === 0 ? 'user root root;' : ''}
worker_processes 1;
pid ${pid};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 256; }
http {
  ${mime}
  types { application/vnd.apache.parquet parquet; application/javascript mjs; }
  default_type application/octet-stream;
  log_format bytes '$request_method $uri $status $body_bytes_sent "$http_range"';
  access_log ${log} bytes;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    ${headers}
    ${options.cors ? 'if ($request_method = OPTIONS) { return 204; }' : ''}
    ${Object.entries(options.aliases ?? {})
      .map(([at, folder]) => `location ${at} { alias ${folder.endsWith('/') ? folder : `${folder}/`}; }`)
      .join('\n    ')}
    location = /manifest.json { add_header Cache-Control "no-cache"; ${headers} }
  }
}
`,
  );
  const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx config: ${check.stderr}`);
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(url);
  let offset = 0;
  const lines = (): string[] => (existsSync(log) ? readFileSync(log, 'utf8').slice(offset).split('\n').filter(Boolean) : []);
  return {
    url,
    port,
    bytesSent: () => lines().reduce((n, line) => n + Number(line.split(' ')[3] ?? 0), 0),
    requests: lines,
    resetLog: () => {
      offset = existsSync(log) ? readFileSync(log, 'utf8').length : 0;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // Its own master process, by the id it was started with (QUIT: finish answers, then stop).
        child.kill('SIGQUIT');
      }),
  };
}

/** Wait until the server answers (it starts in a few ms; give it 5 s on a loaded machine). */
async function waitFor(url: string): Promise<void> {
  const until = Date.now() + 5000;
  for (;;) {
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
