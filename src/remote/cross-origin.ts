/**
 * Whether the page may read an address on another origin, and why not when it may not.
 *
 * Decision (issue 26): the app ships with `connect-src 'self'`: it talks to no server but its own,
 * so no value a user imported can be sent elsewhere. A data platform on another host works when
 * the person who deploys the app lists that host in the page's policy (index.html's
 * Content-Security-Policy, `connect-src 'self' http://data.intranet`) **and** that server allows
 * the page by CORS (Access-Control-Allow-Origin, and Range allowed in the preflight). Either
 * missing gives its own sentence instead of the browser's bare "failed to fetch": the policy is
 * checked before any request (a refused address is never asked), the CORS case after a failure.
 */

/** The page's own Content-Security-Policy (its meta tag), or '' without one (Node, a test page). */
function pagePolicy(): string {
  if (typeof document === 'undefined') return '';
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy" i]');
  return meta?.getAttribute('content') ?? '';
}

/**
 * Whether a policy's connect-src (else default-src) lets the page fetch `target` from `page`.
 * Sources understood: 'self', *, a scheme (`https:`), an origin with an optional `*.` host and
 * port (`http://data.intranet:8080`); a path in a source counts as its origin. No directive: allowed.
 * @example policyAllows("connect-src 'self' http://data:8080", new URL('http://data:8080/m.json'), 'http://app') // true
 */
export function policyAllows(policy: string, target: URL, page: string): boolean {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  const sources = directives.get('connect-src') ?? directives.get('default-src');
  if (!sources) return true;
  return sources.some((source) => sourceMatches(source, target, page));
}

function sourceMatches(source: string, target: URL, page: string): boolean {
  const s = source.toLowerCase();
  if (s === '*') return target.protocol === 'http:' || target.protocol === 'https:';
  if (s === "'self'") return target.origin === page;
  if (/^[a-z][a-z0-9+.-]*:$/.test(s)) return target.protocol === s;
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+)(?::(\d+|\*))?/.exec(s);
  if (!m) return false;
  const [, scheme, wildcard, host, port] = m;
  if (scheme && `${scheme}:` !== target.protocol) return false;
  const hostOk = wildcard ? target.hostname.endsWith(`.${host}`) : target.hostname === host;
  const defaultPort = target.protocol === 'https:' ? '443' : '80';
  const targetPort = target.port || defaultPort;
  const portOk = port === '*' || (port ?? defaultPort) === targetPort;
  return hostOk && portOk;
}

/**
 * Why the page may not read `url`, before asking: `csp` when it is on another origin that the
 * page's policy does not list; undefined when it may (same origin, listed, or no policy).
 * @example refusal('http://other:8080/manifest.json') // { code: 'remote_csp', origin: 'http://other:8080' }
 */
export function refusal(url: string): { code: 'remote_csp'; origin: string } | undefined {
  if (typeof location === 'undefined') return undefined;
  let target: URL;
  try {
    target = new URL(url, location.href);
  } catch {
    return undefined;
  }
  if (target.origin === location.origin) return undefined;
  return policyAllows(pagePolicy(), target, location.origin) ? undefined : { code: 'remote_csp', origin: target.origin };
}

/**
 * Whether a request to `url` that failed without an answer went to another origin (then the
 * likeliest cause is a server that does not allow the page by CORS).
 */
export function isCrossOrigin(url: string): string | undefined {
  if (typeof location === 'undefined') return undefined;
  try {
    const target = new URL(url, location.href);
    return target.origin !== location.origin && /^https?:$/.test(target.protocol) ? target.origin : undefined;
  } catch {
    return undefined;
  }
}
