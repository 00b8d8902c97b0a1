// Orders in (issue 7), against the real server: a valid order makes a
// recipient with a draft care plan that the team's devices sync; the same
// orderId again changes nothing; a later order for the same person updates
// what is granted; a malformed order gets a 400 that names every wrong field;
// only the team's schedulers and admins may post.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocsResponseSchema, OrderResponseSchema, addDays, brukareDocName, readBrukare, readGrant, type Order } from '../../domain';
import { ROOT, login, startTestServer, type TestServer } from '../fixtures/server';
import { getJson, postJson, stopServer, syncedCopy, today } from './helpers';

let server: TestServer;
let planner: string;

beforeAll(async () => {
  server = await startTestServer();
  planner = (await login(server.url, 'planerare-norr')).token;
});

afterAll(async () => {
  await stopServer(server);
});

const post = (body: unknown, token: string | null = planner) => postJson(server, '/api/orders', body, { token });

const order = (over: Partial<Order> = {}): Order => ({
  orderId: 'BIST-2026-0001',
  teamId: 'norr',
  recipient: { name: 'Greta Fiktiv', address: 'Påhittade gatan 3, 123 45 Norrby', phone: '070-000 00 00', language: 'sv', contacts: [{ name: 'Lars Fiktiv', relation: 'son', phone: '070-111 11 11' }] },
  grantedFrom: today(),
  insatser: [
    { type: 'morning_help', minutesPerOccasion: 30, occasionsPerWeek: 7, note: 'Vill klä sig själv, behöver hjälp med strumpor.' },
    { type: 'shopping', minutesPerOccasion: 60, occasionsPerWeek: 1 },
  ],
  ...over,
});

/** The recipient's doc as a team member's device gets it. */
const brukareAs = (token: string, recipientId: string) => syncedCopy(server, brukareDocName(recipientId), token);

describe('GET /api/catalogue/insatser', () => {
  it('lists every insats type with its Swedish name, life area and pictogram', async () => {
    const res = await getJson(server, '/api/catalogue/insatser', planner);
    expect(res.status).toBe(200);
    const { insatser } = res.body as { insatser: { id: string; name: string; lifeArea: string; pictogram: string }[] };
    expect(insatser.length).toBe(13);
    expect(insatser.find((i) => i.id === 'morning_help')).toEqual({ id: 'morning_help', name: 'Morgonhjälp', lifeArea: 'personal_care', pictogram: '/pictograms/morning_help.svg' });
    // Every pictogram is one of the project's own files (public/ is served as the app's root).
    for (const entry of insatser) expect(existsSync(join(ROOT, 'public', entry.pictogram))).toBe(true);
    expect((await getJson(server, '/api/catalogue/insatser')).status).toBe(401);
  });
});

describe('POST /api/orders', () => {
  let recipientId = '';

  it('a valid order makes a recipient with a draft care plan that the team syncs', async () => {
    const res = await post(order());
    expect(res.status).toBe(201);
    recipientId = OrderResponseSchema.parse(res.body).recipientId;

    const anna = (await login(server.url, 'anna')).token;
    const docs = DocsResponseSchema.parse((await getJson(server, '/api/docs', anna)).body).docs;
    expect(docs).toContain(brukareDocName(recipientId));

    const doc = await brukareAs(anna, recipientId);
    const brukare = readBrukare(doc);
    if (!brukare.ok) throw new Error(brukare.error);
    expect(brukare.value).toMatchObject({ id: recipientId, teamId: 'norr', name: 'Greta Fiktiv', address: 'Påhittade gatan 3, 123 45 Norrby', language: 'sv' });
    expect(brukare.value.contacts).toEqual([{ name: 'Lars Fiktiv', relation: 'son', phone: '070-111 11 11' }]);
    expect(brukare.value.carePlan.map((i) => [i.type, i.rhythm.weekdays, i.rhythm.minutes, i.instructions])).toEqual([
      ['morning_help', [1, 2, 3, 4, 5, 6, 7], 30, 'Vill klä sig själv, behöver hjälp med strumpor.'],
      ['shopping', [1], 60, ''],
    ]);
    expect(readGrant(doc)).toMatchObject({ orderId: 'BIST-2026-0001', grantedFrom: today(), insatser: order().insatser });

    // Another team's caregiver does not get it.
    const cecilia = (await login(server.url, 'cecilia')).token;
    expect(DocsResponseSchema.parse((await getJson(server, '/api/docs', cecilia)).body).docs).not.toContain(brukareDocName(recipientId));
  });

  it('the same orderId again changes nothing and answers with the same id', async () => {
    const before = Y.encodeStateVector(await brukareAs(planner, recipientId));
    const res = await post(order({ insatser: [{ type: 'walk', minutesPerOccasion: 45, occasionsPerWeek: 2 }] }));
    expect(res.status).toBe(201);
    expect(OrderResponseSchema.parse(res.body).recipientId).toBe(recipientId);
    expect(Y.encodeStateVector(await brukareAs(planner, recipientId))).toEqual(before);
  });

  it('a later order for the same person updates what is granted and adds the newly granted insatser to the plan', async () => {
    const res = await post(
      order({
        orderId: 'BIST-2026-0002',
        recipient: { name: '  Greta  Fiktiv ', address: 'påhittade gatan 3, 123 45 norrby' },
        grantedFrom: addDays(today(), 7),
        insatser: [
          { type: 'morning_help', minutesPerOccasion: 45, occasionsPerWeek: 7 },
          { type: 'tillsyn', minutesPerOccasion: 15, occasionsPerWeek: 14 },
        ],
      }),
    );
    expect(res.status).toBe(201);
    expect(OrderResponseSchema.parse(res.body).recipientId).toBe(recipientId);
    const doc = await brukareAs(planner, recipientId);
    expect(readGrant(doc)).toMatchObject({ orderId: 'BIST-2026-0002', grantedFrom: addDays(today(), 7) });
    const brukare = readBrukare(doc);
    if (!brukare.ok) throw new Error(brukare.error);
    // The plan the team wrote stays (morning help keeps its 30 minutes until the team changes it); tillsyn twice a day is new.
    expect(brukare.value.carePlan.map((i) => [i.type, i.title, i.rhythm.minutes])).toEqual([
      ['morning_help', 'Morgonhjälp', 30],
      ['shopping', 'Inköp', 60],
      ['tillsyn', 'Tillsyn 1', 15],
      ['tillsyn', 'Tillsyn 2', 15],
    ]);
    // The name and address on the card stay as the first order wrote them.
    expect(brukare.value.name).toBe('Greta Fiktiv');
  });

  it('a malformed order gets a 400 that names every wrong field, and nothing is made', async () => {
    const res = await post({
      orderId: '',
      teamId: 'Norr Team',
      recipient: { name: '', phone: 12 },
      grantedFrom: '2026-13-01',
      grantedTo: 'tomorrow',
      insatser: [{ type: 'massage', minutesPerOccasion: 0, occasionsPerWeek: 1.5 }],
    });
    expect(res.status).toBe(400);
    const body = res.body as { error: string; fields: { field: string; message: string }[] };
    const fields = body.fields.map((f) => f.field).sort();
    expect(fields).toEqual(
      [
        'orderId',
        'teamId',
        'recipient.name',
        'recipient.address',
        'recipient.phone',
        'grantedFrom',
        'grantedTo',
        'insatser.0.type',
        'insatser.0.minutesPerOccasion',
        'insatser.0.occasionsPerWeek',
      ].sort(),
    );
    for (const f of body.fields) expect(body.error).toContain(f.field);

    const order2 = await post(order({ orderId: 'BIST-2026-0099', grantedTo: addDays(today(), -1) }));
    expect(order2.status).toBe(400);
    expect((order2.body as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['grantedTo']);
    expect((await post(order({ orderId: 'BIST-2026-0098', insatser: [] }))).status).toBe(400);
    expect((await post(order({ orderId: 'BIST-2026-0097', teamId: 'ost' }))).body).toMatchObject({ fields: [{ field: 'teamId', message: 'no such team' }] });
    expect((await post('{"orderId": ')).status).toBe(400);
    // None of them made a recipient: the next valid order with one of those ids is new.
    const fresh = await post(order({ orderId: 'BIST-2026-0099', recipient: { name: 'Nils Fiktiv', address: 'Annan väg 1' } }));
    expect(fresh.status).toBe(201);
    expect(OrderResponseSchema.parse(fresh.body).recipientId).not.toBe(recipientId);
  });

  it('only the team’s schedulers and admins may post', async () => {
    const body = order({ orderId: 'BIST-2026-0100', recipient: { name: 'Otto Fiktiv', address: 'Väg 9' } });
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, 'not-a-token')).status).toBe(401);
    expect((await post(body, (await login(server.url, 'anna')).token)).status).toBe(403);
    expect((await post(body, (await login(server.url, 'planerare-soder')).token)).status).toBe(403);
    const admin = await post(body, (await login(server.url, 'admin')).token);
    expect(admin.status).toBe(201);
  });
});
