// Care plans against the real server (issue 7): an order's draft is version 1,
// attributed and not agreed; a later order adds a version; a scheduler's
// device saves a new version, marks it agreed and edits the card over a real
// WebSocket, and each of those writes is in the audit log with who made it;
// a caregiver's write attempt changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OrderResponseSchema,
  addDays,
  brukareDocName,
  markCarePlanAgreed,
  readBrukare,
  readCarePlanVersions,
  readCurrentVersionView,
  saveCarePlanVersion,
  writeBrukare,
  type Order,
} from '../../domain';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import { connectProvider, getJson, postJson, stopServer, today, waitFor, waitSynced, type ProviderClient } from './helpers';

let server: TestServer;
let planner: string;
let recipientId = '';

type AuditEntry = { action: string; actorId: string | null; actorName: string | null; deviceId: string | null };

beforeAll(async () => {
  server = await startTestServer();
  planner = (await login(server.url, 'planerare-norr')).token;
});

afterAll(async () => {
  await stopServer(server);
});

async function postOrder(order: Order): Promise<string> {
  const res = await postJson(server, '/api/orders', order, { token: planner });
  expect(res.status).toBe(201);
  return OrderResponseSchema.parse(res.body).recipientId;
}

const order = (orderId: string, insatser: Order['insatser']): Order => ({
  orderId,
  teamId: 'norr',
  recipient: { name: 'Vera Fiktiv', address: 'Låtsasvägen 8, 123 45 Norrby' },
  grantedFrom: today(),
  insatser,
});

async function auditOf(id: string): Promise<AuditEntry[]> {
  const res = await getJson(server, `/api/audit/brukare/${id}`, planner);
  expect(res.status).toBe(200);
  return (res.body as { entries: AuditEntry[] }).entries;
}

async function connected(token: string): Promise<ProviderClient> {
  const client = connectProvider(server, brukareDocName(recipientId), token, { ack: true });
  await waitSynced(client);
  return client;
}

describe('care plan versions on the server', () => {
  it('an order makes version 1, a draft by whoever sent it, to follow up within two weeks; a later order adds version 2', async () => {
    recipientId = await postOrder(order('BIST-CP-1', [{ type: 'lunch', minutesPerOccasion: 30, occasionsPerWeek: 7 }]));
    const client = await connected(planner);
    try {
      const [v1] = readCarePlanVersions(client.doc);
      expect(v1).toMatchObject({ number: 1, by: 'planerare-norr', byName: 'Maria Sjöberg', reason: 'Utkast från beställning BIST-CP-1', followUpOn: addDays(today(), 14) });
      expect(v1?.agreement).toBeUndefined();
      expect(v1?.items.map((i) => i.type)).toEqual(['lunch']);
    } finally {
      client.destroy();
    }
    expect(await postOrder(order('BIST-CP-2', [{ type: 'shower', minutesPerOccasion: 45, occasionsPerWeek: 1 }]))).toBe(recipientId);
    const again = await connected(planner);
    try {
      const versions = readCarePlanVersions(again.doc);
      expect(versions.map((v) => [v.number, v.reason, v.items.map((i) => i.type).join('+')])).toEqual([
        [1, 'Utkast från beställning BIST-CP-1', 'lunch'],
        [2, 'Ny beställning BIST-CP-2: nya beviljade insatser', 'lunch+shower'],
      ]);
    } finally {
      again.destroy();
    }
  });

  it("a scheduler's new version, its agreement and a card edit are each in the audit log, attributed", async () => {
    const client = await connected(planner);
    try {
      const before = (await auditOf(recipientId)).length;
      const current = readCurrentVersionView(client.doc);
      if (!current) throw new Error('no version');
      const items = current.items.map((i) => (i.type === 'lunch' ? { ...i, instructions: 'Jag vill äta i köket.', preferences: 'Helst samma personal.' } : i));
      const id = crypto.randomUUID();
      saveCarePlanVersion(client.doc, { id, at: new Date().toISOString(), by: 'planerare-norr', byName: 'Maria Sjöberg', reason: 'Skriven tillsammans med Vera', items, followUpOn: addDays(today(), 182) });
      markCarePlanAgreed(client.doc, { versionId: id, how: 'with_relative', at: new Date().toISOString(), by: 'planerare-norr', byName: 'Maria Sjöberg' });
      const read = readBrukare(client.doc);
      if (!read.ok) throw new Error(read.error);
      writeBrukare(client.doc, { ...read.value, allergies: ['Nötter'] });
      // Persisted (and so audited) before the ack that covers all three writes.
      const acksBefore = client.acks.length;
      await waitFor(() => client.acks.length >= acksBefore + 1, 'an ack');
      let entries: AuditEntry[] = [];
      for (let tries = 0; tries < 50; tries++) {
        entries = await auditOf(recipientId);
        if (entries.slice(before).some((e) => e.action === 'recipient_card_changed')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const writes = entries.slice(before).filter((e) => e.action === 'care_plan_changed' || e.action === 'recipient_card_changed');
      expect(writes.map((e) => e.action)).toContain('care_plan_changed');
      expect(writes.map((e) => e.action)).toContain('recipient_card_changed');
      for (const e of writes) expect(e).toMatchObject({ actorId: 'planerare-norr', actorName: 'Maria Sjöberg' });
      for (const e of writes) expect(e.deviceId).toBeTruthy();
      // The server's copy has the new version as the current one, agreed.
      const fresh = await connected(planner);
      try {
        expect(readCurrentVersionView(fresh.doc)).toMatchObject({ id, number: 3, agreement: { how: 'with_relative' } });
        expect(readBrukare(fresh.doc)).toMatchObject({ ok: true, value: { allergies: ['Nötter'], carePlan: expect.arrayContaining([expect.objectContaining({ instructions: 'Jag vill äta i köket.' })]) } });
      } finally {
        fresh.destroy();
      }
    } finally {
      client.destroy();
    }
  });

  it("a caregiver's attempt to write a version changes nothing and logs no change", async () => {
    const anna = (await login(server.url, 'anna')).token;
    const client = await connected(anna);
    try {
      const before = (await auditOf(recipientId)).filter((e) => e.action === 'care_plan_changed').length;
      saveCarePlanVersion(client.doc, { id: crypto.randomUUID(), at: new Date().toISOString(), by: 'anna', byName: 'Anna', reason: 'Försök', items: [], followUpOn: today() });
      await new Promise((r) => setTimeout(r, 500));
      const fresh = await connected(planner);
      try {
        expect(readCarePlanVersions(fresh.doc)).toHaveLength(3);
      } finally {
        fresh.destroy();
      }
      expect((await auditOf(recipientId)).filter((e) => e.action === 'care_plan_changed').length).toBe(before);
    } finally {
      client.destroy();
    }
  });
});
