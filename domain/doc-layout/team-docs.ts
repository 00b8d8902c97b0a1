// deviations:<teamId>:<YYYY-MM>, messages:<teamId>:<YYYY-MM>, phrases:<teamId>.
// Every record is an immutable JSON value under a random id in a root map, so
// concurrent writers never collide; what changes later (a deviation's state,
// who has read a handover, an acknowledged help request) lives in its own map
// keyed by record id (and reader).
//   deviations: "deviations": id → Deviation; "states": id → DeviationState
//   messages:   "handovers": id → Handover; "reads": "<handoverId>/<userId>" → instant
//               "messages": id → Message; "help": id → HelpRequest;
//               "helpAck": id → { by, at }
//   phrases:    "phrases": id → Phrase
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { IdSchema, InstantSchema } from '../ids';
import {
  DeviationSchema,
  DeviationStateSchema,
  HandoverSchema,
  HelpRequestSchema,
  MessageSchema,
  PhraseSchema,
  type Deviation,
  type DeviationState,
  type Handover,
  type HelpRequest,
  type Message,
  type Phrase,
} from '../team-docs';
import { describeIssues, type ParseResult } from '../validation';

function readAll<T>(map: Y.Map<unknown>, schema: z.ZodMiniType<T>): T[] {
  const out: T[] = [];
  map.forEach((value) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  });
  return out;
}

function put<T extends { id: string }>(doc: Y.Doc, mapName: string, schema: z.ZodMiniType<T>, value: T, origin?: unknown): ParseResult<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues) };
  const map = doc.getMap<unknown>(mapName);
  if (map.has(parsed.data.id)) return { ok: false, error: 'id: exists already' };
  doc.transact(() => map.set(parsed.data.id, parsed.data), origin);
  return { ok: true, value: parsed.data };
}

const byTime = <T extends { at: string; id: string }>(a: T, b: T) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id);

// --- deviations ----------------------------------------------------------------

export type DeviationWithState = Deviation & { state: DeviationState | undefined };

export function reportDeviation(doc: Y.Doc, deviation: Deviation, origin?: unknown): ParseResult<Deviation> {
  return put(doc, 'deviations', DeviationSchema, deviation, origin);
}

export function setDeviationState(doc: Y.Doc, deviationId: string, state: DeviationState, origin?: unknown): ParseResult<DeviationState> {
  const parsed = DeviationStateSchema.safeParse(state);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues) };
  doc.transact(() => doc.getMap<unknown>('states').set(deviationId, parsed.data), origin);
  return { ok: true, value: parsed.data };
}

export function readDeviations(doc: Y.Doc): DeviationWithState[] {
  const states = doc.getMap<unknown>('states');
  return readAll(doc.getMap<unknown>('deviations'), DeviationSchema)
    .map((d) => {
      const s = DeviationStateSchema.safeParse(states.get(d.id));
      return { ...d, state: s.success ? s.data : undefined };
    })
    .sort(byTime);
}

// --- messages: handovers, messages, help requests ------------------------------

const ReadAtSchema = InstantSchema;
const HelpAckSchema = z.object({ by: IdSchema, at: InstantSchema });

export type HandoverWithReads = Handover & { readBy: Record<string, string> };

export function writeHandover(doc: Y.Doc, handover: Handover, origin?: unknown): ParseResult<Handover> {
  return put(doc, 'handovers', HandoverSchema, handover, origin);
}

export function markHandoverRead(doc: Y.Doc, handoverId: string, userId: string, at: string, origin?: unknown): void {
  const key = `${handoverId}/${userId}`;
  const reads = doc.getMap<unknown>('reads');
  if (!reads.has(key)) doc.transact(() => reads.set(key, at), origin);
}

export function readHandovers(doc: Y.Doc): HandoverWithReads[] {
  const reads = new Map<string, Record<string, string>>();
  doc.getMap<unknown>('reads').forEach((value, key) => {
    const cut = key.indexOf('/');
    const at = ReadAtSchema.safeParse(value);
    if (cut <= 0 || !at.success) return;
    const id = key.slice(0, cut);
    reads.set(id, { ...(reads.get(id) ?? {}), [key.slice(cut + 1)]: at.data });
  });
  return readAll(doc.getMap<unknown>('handovers'), HandoverSchema)
    .map((h) => ({ ...h, readBy: reads.get(h.id) ?? {} }))
    .sort(byTime);
}

export function sendMessage(doc: Y.Doc, message: Message, origin?: unknown): ParseResult<Message> {
  return put(doc, 'messages', MessageSchema, message, origin);
}

export function readMessages(doc: Y.Doc): Message[] {
  return readAll(doc.getMap<unknown>('messages'), MessageSchema).sort(byTime);
}

export type HelpRequestWithAck = HelpRequest & { acknowledged: { by: string; at: string } | undefined };

export function requestHelp(doc: Y.Doc, request: HelpRequest, origin?: unknown): ParseResult<HelpRequest> {
  return put(doc, 'help', HelpRequestSchema, request, origin);
}

/**
 * Where a help request was inserted: [client, clock] of its Yjs item. The
 * request has reached the server once the server's state vector for that
 * client is beyond that clock (see isInsertConfirmed in the PWA).
 */
export function helpRequestItemId(doc: Y.Doc, requestId: string): [client: number, clock: number] | undefined {
  const item = doc.getMap<unknown>('help')._map.get(requestId);
  return item ? [item.id.client, item.id.clock] : undefined;
}

export function acknowledgeHelp(doc: Y.Doc, requestId: string, by: string, at: string, origin?: unknown): void {
  const acks = doc.getMap<unknown>('helpAck');
  if (!acks.has(requestId)) doc.transact(() => acks.set(requestId, { by, at }), origin);
}

export function readHelpRequests(doc: Y.Doc): HelpRequestWithAck[] {
  const acks = doc.getMap<unknown>('helpAck');
  return readAll(doc.getMap<unknown>('help'), HelpRequestSchema)
    .map((r) => {
      const ack = HelpAckSchema.safeParse(acks.get(r.id));
      return { ...r, acknowledged: ack.success ? ack.data : undefined };
    })
    .sort(byTime);
}

// --- phrases -------------------------------------------------------------------

export function readPhrases(doc: Y.Doc): Phrase[] {
  return readAll(doc.getMap<unknown>('phrases'), PhraseSchema).sort((a, b) => a.text.localeCompare(b.text, 'sv'));
}

export function savePhrase(doc: Y.Doc, phrase: Phrase, origin?: unknown): ParseResult<Phrase> {
  const parsed = PhraseSchema.safeParse(phrase);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues) };
  doc.transact(() => doc.getMap<unknown>('phrases').set(parsed.data.id, parsed.data), origin);
  return { ok: true, value: parsed.data };
}

export function removePhrase(doc: Y.Doc, phraseId: string, origin?: unknown): void {
  doc.transact(() => doc.getMap<unknown>('phrases').delete(phraseId), origin);
}
