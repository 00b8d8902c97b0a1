// Who may open which document over the sync socket: refusals close with a 4xxx
// code before a single byte of the document is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES, CLOSE_REASONS, brukareDocName, execDocName, journalDocName, monthOf, planDocName } from '../../domain';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import { closedWithin, connectProvider, delay, getJson, rawConnect, stopServer, syncStep1Message, syncUrl, today, waitFor, waitSynced } from './helpers';

describe('sync socket access control', () => {
  let server: TestServer;
  let annaToken: string;

  beforeAll(async () => {
    server = await startTestServer();
    annaToken = (await login(server.url, 'anna')).token;
  });

  afterAll(async () => {
    await stopServer(server);
  });

  /** Opens a raw socket, asks for the whole doc at once, and returns the close and what arrived before it. */
  async function attempt(docName: string, params: Record<string, string>) {
    const client = rawConnect(syncUrl(server, docName, params));
    const opened = await client.opened;
    // A well-behaved client asks for the doc right away; a refused one must still get nothing.
    if (opened && client.ws.readyState === client.ws.OPEN) client.send(syncStep1Message(new Y.Doc()));
    const closed = await closedWithin(client);
    return { closed, messages: client.messages };
  }

  it('closes with 4401 and sends nothing when the token is missing', async () => {
    const { closed, messages } = await attempt(execDocName('norr', today()), {});
    expect(closed).toEqual({ code: CLOSE_CODES.unauthorized, reason: CLOSE_REASONS[CLOSE_CODES.unauthorized] });
    expect(messages).toEqual([]);
  });

  it.each([
    ['garbage', () => 'garbage'],
    ['empty', () => ''],
    ['tampered', () => `${annaToken.slice(0, -4)}${annaToken.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`],
    ['signed for another user id', () => {
      // Swap the payload for one naming another user, keeping anna's signature.
      const [header, , signature] = annaToken.split('.');
      const payload = Buffer.from(JSON.stringify({ sub: 'planerare-norr', iat: 1, exp: 4_000_000_000 })).toString('base64url');
      return `${header}.${payload}.${signature}`;
    }],
  ])('closes with 4401 and sends nothing for a %s token', async (_label, token) => {
    const { closed, messages } = await attempt(execDocName('norr', today()), { token: token() });
    expect(closed.code).toBe(CLOSE_CODES.unauthorized);
    expect(messages).toEqual([]);
  });

  it.each([
    ["another team's plan", () => planDocName('soder', today())],
    ["another team's exec doc", () => execDocName('soder', today())],
    ["another team's recipient", () => brukareDocName('soder-b01')],
    ["another team's journal", () => journalDocName('soder-b01', monthOf(today()))],
    ['an unknown recipient', () => brukareDocName('norr-b99')],
    ['a malformed doc name', () => 'not-a-doc'],
    ['a plan with a bad date', () => 'plan:norr:2024-13-45'],
    ['a doc name with an extra part', () => `exec:norr:${today()}:x`],
    ['an upper-case team id', () => `exec:NORR:${today()}`],
  ])('closes with 4403 and sends nothing for %s', async (_label, docName) => {
    const { closed, messages } = await attempt(docName(), { token: annaToken });
    expect(closed).toEqual({ code: CLOSE_CODES.forbidden, reason: CLOSE_REASONS[CLOSE_CODES.forbidden] });
    expect(messages).toEqual([]);
  });

  it('an admin (no teams) is refused team documents', async () => {
    const { token } = await login(server.url, 'admin');
    const { closed, messages } = await attempt(planDocName('norr', today()), { token });
    expect(closed.code).toBe(CLOSE_CODES.forbidden);
    expect(messages).toEqual([]);
  });

  it("lets anna into her own team's docs with the same token", async () => {
    for (const docName of [execDocName('norr', today()), planDocName('norr', today()), brukareDocName('norr-b01')]) {
      const client = connectProvider(server, docName, annaToken);
      try {
        await waitSynced(client);
        expect(client.closeCodes).toEqual([]);
      } finally {
        client.destroy();
      }
    }
  });

  it('a stock provider stops reconnecting after a 4403', async () => {
    const client = connectProvider(server, planDocName('soder', today()), annaToken);
    try {
      await waitFor(() => client.closeCodes.length > 0, 'the refusal');
      // Longer than y-websocket's first backoff steps: no second attempt.
      await delay(1_500);
      expect(client.closeCodes).toEqual([CLOSE_CODES.forbidden]);
      expect(client.provider.synced).toBe(false);
      expect(client.doc.share.size).toBe(0);
    } finally {
      client.destroy();
    }
  });
});

describe('expired tokens', () => {
  let server: TestServer;

  beforeAll(async () => {
    // The shortest lifetime the config allows: 0.001 h = 3.6 s.
    server = await startTestServer({ env: { TOKEN_TTL_HOURS: '0.001' } });
  });

  afterAll(async () => {
    await stopServer(server);
  });

  it('are refused by the API (401) and the sync socket (4401) once they run out', async () => {
    const { token } = await login(server.url, 'anna');
    const docName = execDocName('norr', today());
    const fresh = connectProvider(server, docName, token);
    try {
      await waitSynced(fresh);
    } finally {
      fresh.destroy();
    }
    expect((await getJson(server, '/api/me', token)).status).toBe(200);

    await delay(4_500);
    expect((await getJson(server, '/api/me', token)).status).toBe(401);
    const client = rawConnect(syncUrl(server, docName, { token }));
    const closed = await closedWithin(client);
    expect(closed.code).toBe(CLOSE_CODES.unauthorized);
    expect(client.messages).toEqual([]);
  });
});
