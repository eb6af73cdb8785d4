import { describe, expect, it } from 'vitest';
import { policyAllows } from '../../../src/remote/cross-origin';

const PAGE = 'http://app.intranet';
const SHIPPED = "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self' blob: data:";

describe('policyAllows: may the page read this address under its Content-Security-Policy', () => {
  const cases: [string, string, string, boolean][] = [
    ['the shipped policy, the same origin', SHIPPED, 'http://app.intranet/data/manifest.json', true],
    ['the shipped policy, another origin', SHIPPED, 'http://data.intranet/manifest.json', false],
    ['the shipped policy, another port', SHIPPED, 'http://app.intranet:8080/manifest.json', false],
    ['the data server listed', `${SHIPPED} http://data.intranet:8080`, 'http://data.intranet:8080/m.json', true],
    ['listed without a port: only the default one', `${SHIPPED} http://data.intranet`, 'http://data.intranet:8080/m.json', false],
    ['listed with a path: its origin counts', "connect-src 'self' http://data.intranet/exports/", 'http://data.intranet/exports/m.json', true],
    ['a wildcard host', "connect-src 'self' https://*.gov.cn", 'https://tj.hlj.gov.cn/m.json', true],
    ['a wildcard host does not match the bare domain', "connect-src https://*.gov.cn", 'https://gov.cn/m.json', false],
    ['a scheme', "connect-src 'self' https:", 'https://data.intranet/m.json', true],
    ['a scheme, another scheme', "connect-src 'self' https:", 'http://data.intranet/m.json', false],
    ['default-src when there is no connect-src', "default-src 'self'", 'http://data.intranet/m.json', false],
    ['no policy at all', '', 'http://data.intranet/m.json', true],
    ['*', 'connect-src *', 'http://data.intranet/m.json', true],
  ];
  it.each(cases)('%s', (_name, policy, address, allowed) => {
    expect(policyAllows(policy, new URL(address), PAGE)).toBe(allowed);
  });
});
