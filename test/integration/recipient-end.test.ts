// Ending a recipient's service (issue 7), against the real server: the end is
// written into the recipient's doc with who did it, recorded in the audit log,
// and the visits planned from the end date are cancelled; only the team's
// schedulers and admins may do it; a bad body gets a 400 naming each field;
// devices keep the recipient's docs for RETENTION_DAYS_AFTER_END days after the
// end (7 here) and are then no longer given them; an ending can be undone
// while the devices still hold the docs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocsResponseSchema, addDays, brukareDocName, journalDocName, monthOf, readBrukare, readCardChanges, type TeamDay } from '../../domain';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import { closedWithin, getJson, postJson, rawConnect, stopServer, syncedCopy, syncUrl, teamDay, today } from './helpers';

const RETENTION_DAYS = 7;

let server: TestServer;
let planner: string;
let anna: string;

beforeAll(async () => {
  server = await startTestServer({ env: { RETENTION_DAYS_AFTER_END: String(RETENTION_DAYS) } });
  planner = (await login(server.url, 'planerare-norr')).token;
  anna = (await login(server.url, 'anna')).token;
});

afterAll(async () => {
  await stopServer(server);
});

const post = (path: string, body: unknown, token: string | null = planner) => postJson(server, path, body, { token });

async function docsOf(token: string): Promise<string[]> {
  return DocsResponseSchema.parse((await getJson(server, '/api/docs', token)).body).docs;
}

/** The recipient's doc as a team member's device gets it. */
const brukareAs = (token: string, recipientId: string) => syncedCopy(server, brukareDocName(recipientId), token);

const visitsOf = (day: TeamDay, recipientId: string) => day.visits.filter((v) => v.brukareId === recipientId);

describe('POST /api/recipients/:id/end', () => {
  const tomorrow = addDays(today(), 1);
  let recipientId = '';

  beforeAll(async () => {
    // A recipient with visits planned today and tomorrow (the demo data plans every day).
    const [now, next] = [await teamDay(server, 'norr', today(), planner), await teamDay(server, 'norr', tomorrow, planner)];
    const both = next.visits.map((v) => v.brukareId).find((id) => visitsOf(now, id).length > 0);
    if (!both) throw new Error('no recipient of norr with visits today and tomorrow');
    recipientId = both;
  });

  it('only the team\'s schedulers and admins; an unknown recipient is 404; no token is 401', async () => {
    const body = { reason: 'moved', on: tomorrow };
    expect((await post(`/api/recipients/${recipientId}/end`, body, anna)).status).toBe(403);
    const soder = (await login(server.url, 'planerare-soder')).token;
    expect((await post(`/api/recipients/${recipientId}/end`, body, soder)).status).toBe(403);
    expect((await post('/api/recipients/finns-inte/end', body)).status).toBe(404);
    expect((await post(`/api/recipients/${recipientId}/end`, body, null)).status).toBe(401);
    // Nothing was ended by any of these.
    expect(readBrukare(await brukareAs(planner, recipientId))).toMatchObject({ ok: true, value: { id: recipientId } });
    const read = readBrukare(await brukareAs(planner, recipientId));
    expect(read.ok && read.value.serviceEnded).toBe(undefined);
  });

  it('a bad body gets a 400 that names every wrong field', async () => {
    const res = await post(`/api/recipients/${recipientId}/end`, { reason: 'holiday', on: '2026-13-40' });
    expect(res.status).toBe(400);
    const fields = (res.body as { fields: { field: string }[] }).fields.map((f) => f.field).sort();
    expect(fields).toEqual(['on', 'reason']);
    const empty = await post(`/api/recipients/${recipientId}/end`, {});
    expect((empty.body as { fields: { field: string }[] }).fields.map((f) => f.field).sort()).toEqual(['on', 'reason']);
    expect((await post(`/api/recipients/${recipientId}/end`, 'not json')).status).toBe(400);
  });

  it('ends the service: the doc says so with who did it, the audit log records it, the visits from the end date are cancelled', async () => {
    const res = await post(`/api/recipients/${recipientId}/end`, { reason: 'residential_care', on: tomorrow });
    expect(res.status).toBe(200);

    const doc = await brukareAs(anna, recipientId);
    const read = readBrukare(doc);
    if (!read.ok) throw new Error(read.error);
    expect(read.value.serviceEnded).toMatchObject({ reason: 'residential_care', on: tomorrow, by: 'planerare-norr' });
    expect(readCardChanges(doc).at(-1)).toMatchObject({ by: 'planerare-norr', byName: 'Maria Sjöberg', fields: ['serviceEnded'] });

    const audit = await getJson(server, `/api/audit/brukare/${recipientId}`, planner);
    const entries = (audit.body as { entries: { action: string; actorId: string }[] }).entries;
    expect(entries).toContainEqual(expect.objectContaining({ action: 'recipient_service_ended', actorId: 'planerare-norr' }));

    // Today's visits stay as they are; tomorrow's are cancelled.
    expect(visitsOf(await teamDay(server, 'norr', today(), planner), recipientId).every((v) => v.status !== 'cancelled')).toBe(true);
    const next = visitsOf(await teamDay(server, 'norr', tomorrow, planner), recipientId);
    expect(next.length).toBeGreaterThan(0);
    expect(next.map((v) => [v.status, v.statusReason])).toEqual(next.map(() => ['cancelled', 'Insatserna har avslutats']));

    // Within the retention period devices still hold the recipient's docs.
    const docs = await docsOf(anna);
    expect(docs).toContain(brukareDocName(recipientId));
    expect(docs).toContain(journalDocName(recipientId, monthOf(today())));
  });

  it('ending again from a later date plans again what the first ending cancelled before it', async () => {
    const later = addDays(tomorrow, 1);
    const res = await post(`/api/recipients/${recipientId}/end`, { reason: 'residential_care', on: later });
    expect(res.status).toBe(200);
    expect(visitsOf(await teamDay(server, 'norr', tomorrow, planner), recipientId).every((v) => v.status === 'planned')).toBe(true);
    expect(visitsOf(await teamDay(server, 'norr', later, planner), recipientId).every((v) => v.status === 'cancelled')).toBe(true);
    const read = readBrukare(await brukareAs(planner, recipientId));
    expect(read.ok && read.value.serviceEnded?.on).toBe(later);
  });

  it('an ending is undone while the devices hold the docs: the doc, the directory and the cancelled visits', async () => {
    const res = await post(`/api/recipients/${recipientId}/resume`, {});
    expect(res.status).toBe(200);
    const doc = await brukareAs(planner, recipientId);
    const read = readBrukare(doc);
    expect(read.ok && read.value.serviceEnded).toBe(undefined);
    expect(readCardChanges(doc).at(-1)).toMatchObject({ by: 'planerare-norr', fields: ['serviceEnded'] });
    expect(visitsOf(await teamDay(server, 'norr', tomorrow, planner), recipientId).every((v) => v.status === 'planned')).toBe(true);
    const entries = ((await getJson(server, `/api/audit/brukare/${recipientId}`, planner)).body as { entries: { action: string }[] }).entries;
    expect(entries.map((e) => e.action)).toContain('recipient_service_resumed');
    // Not ended any more: nothing to undo.
    expect((await post(`/api/recipients/${recipientId}/resume`, {})).status).toBe(409);
    expect((await post(`/api/recipients/${recipientId}/resume`, {}, anna)).status).toBe(403);
  });

  it(`devices keep an ended recipient's docs for ${RETENTION_DAYS} days after the end, then the server no longer lists them (it keeps its copy)`, async () => {
    const ids = DocsResponseSchema.parse((await getJson(server, '/api/docs', anna)).body)
      .docs.filter((n) => n.startsWith('brukare:') && n !== brukareDocName(recipientId))
      .map((n) => n.slice('brukare:'.length));
    const [kept, dropped] = ids;
    if (!kept || !dropped) throw new Error('need two more recipients of norr');
    expect((await post(`/api/recipients/${kept}/end`, { reason: 'moved', on: addDays(today(), 1 - RETENTION_DAYS) })).status).toBe(200);
    expect((await post(`/api/recipients/${dropped}/end`, { reason: 'deceased', on: addDays(today(), -RETENTION_DAYS) })).status).toBe(200);

    for (const token of [anna, planner]) {
      const docs = await docsOf(token);
      expect(docs).toContain(brukareDocName(kept));
      expect(docs).toContain(journalDocName(kept, monthOf(today())));
      expect(docs.filter((n) => n.includes(dropped))).toEqual([]);
      expect(docs).toContain(brukareDocName(recipientId));
    }
    // No device may fetch the dropped recipient's docs again, even by name…
    for (const token of [anna, planner]) {
      for (const name of [brukareDocName(dropped), journalDocName(dropped, monthOf(today()))]) {
        const socket = rawConnect(syncUrl(server, name, { token }));
        expect((await closedWithin(socket)).code).toBe(4403);
      }
    }
    // …while the server keeps the record, readable through its API (the law requires it to be kept).
    expect((await getJson(server, `/api/brukare/${dropped}/journal?from=${addDays(today(), -7)}&to=${today()}`, planner)).status).toBe(200);
    // Past the retention period an ending is no longer undone here.
    expect((await post(`/api/recipients/${dropped}/resume`, {})).status).toBe(409);
    expect((await post(`/api/recipients/${kept}/resume`, {})).status).toBe(200);
    expect(await docsOf(anna)).toContain(brukareDocName(kept));
  });
});

describe('a later order for someone whose service ended', () => {
  it('resumes the service: the devices list the recipient again, the ending is gone from the card and the audit says so', async () => {
    const order = (orderId: string) => ({
      orderId,
      teamId: 'norr',
      recipient: { name: 'Rut Fiktiv', address: 'Påhittade torget 2, 123 45 Norrby' },
      grantedFrom: today(),
      insatser: [{ type: 'lunch', minutesPerOccasion: 30, occasionsPerWeek: 7 }],
    });
    const first = await post('/api/orders', order('BIST-END-1'));
    expect(first.status).toBe(201);
    const id = (first.body as { recipientId: string }).recipientId;
    // Ended long enough ago that the devices have dropped her.
    expect((await post(`/api/recipients/${id}/end`, { reason: 'residential_care', on: addDays(today(), -RETENTION_DAYS) })).status).toBe(200);
    expect(await docsOf(anna)).not.toContain(brukareDocName(id));

    const again = await post('/api/orders', order('BIST-END-2'));
    expect(again.status).toBe(201);
    expect((again.body as { recipientId: string }).recipientId).toBe(id);
    expect(await docsOf(anna)).toContain(brukareDocName(id));
    const read = readBrukare(await brukareAs(anna, id));
    expect(read.ok && read.value.serviceEnded).toBe(undefined);
    const entries = ((await getJson(server, `/api/audit/brukare/${id}`, planner)).body as { entries: { action: string }[] }).entries;
    expect(entries.map((e) => e.action)).toContain('order_updated_grant');
  });
});
