// The edges: security headers on every response, and WebSocket upgrades from
// another site refused (cross-site WebSocket hijacking). Non-browser clients,
// which send no Origin, and the app's own origin are let through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execDocName } from '../../domain';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import { stopServer, syncUrl, today, upgrade } from './helpers';


describe('edges', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = (await login(server.url, 'anna')).token;
  });

  afterAll(async () => {
    await stopServer(server);
  });

  it('sends security headers with the app, the API and errors', async () => {
    for (const path of ['/', '/healthz', '/api/me', '/api/nope']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      // No CORS: another origin cannot read the API.
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });

  it('refuses a WebSocket upgrade from another site, on both sync endpoints', async () => {
    const host = new URL(server.url).host;
    const perDoc = syncUrl(server, execDocName('norr', today()), { token });
    const mux = `${server.url.replace(/^http/, 'ws')}/sync?token=${encodeURIComponent(token)}`;
    for (const url of [perDoc, mux]) {
      expect(await upgrade(url, { origin: 'https://evil.example' })).toBe(403);
      expect(await upgrade(url, { origin: 'null' })).toBe(403);
      expect(await upgrade(url, { origin: `http://${host}` })).toBe('open');
      expect(await upgrade(url, {})).toBe('open');
    }
  });
});
