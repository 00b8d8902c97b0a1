// Orders in (POST /api/orders) and the insats catalogue they refer to
// (GET /api/catalogue/insatser). An order makes a recipient (its row in the
// directory and its brukare doc with a draft care plan) that the team's
// devices then sync; the same orderId again changes nothing; a later order for
// the same person (same team, name and address) updates what is granted and
// adds a care plan version with items for newly granted insatser. The first
// care plan version is a draft, not agreed, to be followed up within
// DRAFT_FOLLOW_UP_DAYS. A later order for someone whose service had ended
// resumes it (the devices list the recipient again). Only the team's schedulers
// and admins may post.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import {
  DRAFT_FOLLOW_UP_DAYS,
  OrderSchema,
  addCarePlanItems,
  addDays,
  brukareDocName,
  draftCarePlan,
  insatsCatalogue,
  localDate,
  readBrukare,
  readServiceEnded,
  recipientKey,
  saveCarePlanVersion,
  writeBrukare,
  writeCardFields,
  writeGrant,
  type Brukare,
  type Order,
} from '../../domain';
import type { Logger } from '../logger';
import type { RoomManager } from '../rooms/room-manager';
import type { Security } from '../security';
import type { SqliteOrderStore } from '../store/order-store';
import type { Directory } from '../store/types';
import type { AuthEnv } from './auth-middleware';
import { ApiError } from './errors';
import { fieldProblems, invalidFields, type FieldProblem } from './field-errors';
import { readJson } from './read-json';

export type OrderRouteDeps = { directory: Directory; rooms: RoomManager; orders: SqliteOrderStore; security: Security; log: Logger; now: () => Date };

const invalid = (c: { json(body: unknown, status: 400): Response }, fields: FieldProblem[]) => invalidFields(c, 'order', fields);

function newRecipientId(): string {
  return `r-${randomBytes(8).toString('hex')}`;
}

export function orderRoutes(deps: OrderRouteDeps): Hono<AuthEnv> {
  const { directory, rooms, orders, security, log } = deps;
  const app = new Hono<AuthEnv>();

  app.get('/catalogue/insatser', (c) => c.json({ insatser: insatsCatalogue() }));

  app.post('/orders', async (c) => {
    const parsed = OrderSchema.safeParse(await readJson(c.req.raw));
    if (!parsed.success) {
      return invalid(c, fieldProblems(parsed.error.issues));
    }
    const order: Order = parsed.data;
    const user = c.get('user');
    if (user.role !== 'admin' && user.role !== 'scheduler') throw new ApiError(403, "only the team's schedulers and admins may send orders");
    if (!directory.listTeams().some((t) => t.id === order.teamId)) return invalid(c, [{ field: 'teamId', message: 'no such team' }]);
    if (user.role === 'scheduler' && !user.teamIds.includes(order.teamId)) throw new ApiError(403, "only the team's schedulers and admins may send orders");

    // The same order again: nothing changes, the same answer.
    const earlier = orders.findOrder(order.orderId);
    if (earlier) {
      if (earlier.team_id !== order.teamId) return invalid(c, [{ field: 'orderId', message: 'already used for another team' }]);
      return c.json({ recipientId: earlier.recipient_id }, 201);
    }

    const key = recipientKey(order.recipient.name, order.recipient.address);
    const known = orders.recipientByKey(order.teamId, key);
    const recipientId = known ?? newRecipientId();
    const at = deps.now().toISOString();
    const grant = { orderId: order.orderId, grantedFrom: order.grantedFrom, ...(order.grantedTo ? { grantedTo: order.grantedTo } : {}), insatser: order.insatser, receivedAt: at };
    const docName = brukareDocName(recipientId);
    // Who and why, on the care plan version an order makes (the reason is read by staff: Swedish).
    const draftVersion = (kind: 'draft' | 'added') => ({
      id: crypto.randomUUID(),
      at,
      by: user.id,
      byName: user.name,
      reason: kind === 'draft' ? `Utkast från beställning ${order.orderId}` : `Ny beställning ${order.orderId}: nya beviljade insatser`,
      followUpOn: addDays(order.grantedFrom > localDate(deps.now()) ? order.grantedFrom : localDate(deps.now()), DRAFT_FOLLOW_UP_DAYS),
    });

    const { result, applied } = await rooms.change(docName, (doc) => {
      const existing = readBrukare(doc);
      if (!existing.ok) {
        // A new recipient: the profile from the order, and a draft care plan from what is granted.
        const brukare: Brukare = {
          id: recipientId,
          teamId: order.teamId,
          name: order.recipient.name,
          address: order.recipient.address,
          phone: order.recipient.phone ?? '',
          keyInfo: '',
          language: order.recipient.language ?? 'sv',
          communicationNeeds: [],
          contacts: order.recipient.contacts ?? [],
          allergies: [],
          risks: [],
          goodToKnow: [],
          carePlan: [],
        };
        writeBrukare(doc, brukare);
        writeGrant(doc, grant);
        // Version 1 of the care plan: a draft from what is granted, to be written with the recipient.
        const items = draftCarePlan(recipientId, order.insatser);
        saveCarePlanVersion(doc, { ...draftVersion('draft'), items });
        return { created: true, added: items.length, resumed: false };
      }
      // A later order: what is granted now, and a new version with items for insatser not in the plan yet.
      writeGrant(doc, grant);
      const added = addCarePlanItems(doc, draftCarePlan(recipientId, order.insatser), draftVersion('added'));
      // A new decision for someone whose service had ended (back home from residential care): the service goes on.
      const resumed = readServiceEnded(doc) !== undefined;
      if (resumed) writeCardFields(doc, { serviceEnded: undefined }, { by: user.id, byName: user.name, at });
      return { created: false, added: added.length, resumed };
    });
    if (applied === 'store_failed' || applied === 'malformed') throw new ApiError(500, 'the order could not be stored; send it again');

    // Only once the doc is stored: the directory row that makes the team's devices sync it, and the order.
    if (!known) directory.upsertRecipient(recipientId, order.teamId);
    // Listed for the team's devices again (and no longer dropped after the retention period).
    if (result.resumed) directory.setRecipientEndedOn(recipientId, null);
    orders.insertOrder({ order_id: order.orderId, team_id: order.teamId, recipient_id: recipientId, recipient_key: key, received_at: at, received_by: user.id, body: JSON.stringify(order) });
    security.audit.append({
      action: result.created ? 'order_created_recipient' : 'order_updated_grant',
      actorId: user.id,
      deviceId: c.get('deviceId'),
      subjectKind: 'brukare',
      subjectId: recipientId,
      detail: { orderId: order.orderId, insatser: order.insatser.length, carePlanItemsAdded: result.added, serviceResumed: result.resumed },
    });
    log.info('order', { recipient: recipientId, created: result.created });
    return c.json({ recipientId }, 201);
  });

  return app;
}
