// Convergence of the doc layout (property test): three devices make random
// edits through the domain accessors, sometimes syncing with each other; every
// local update they emit, applied in any order to a fresh doc, gives the same
// doc, and the accessors read the same visits, executions and journal from it.
import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  applyVisitEvent,
  createDraft,
  readExecutions,
  readJournalEntries,
  readPlannedVisits,
  setTaskDone,
  signEntry,
  updateDraft,
  writePlannedVisit,
  type VisitEvent,
} from './index';

const REPLICAS = 3;
const VISIT_IDS = ['v1', 'v2', 'v3'] as const;
const INSATS_IDS = ['breakfast', 'meds', 'walk'] as const;
const ENTRY_IDS = ['j1', 'j2'] as const;
const STAFF = ['anna', 'bo', 'dalia'] as const;
const REMOTE = Symbol('remote');

type Op =
  | { kind: 'writeVisit'; replica: number; visit: number; start: number; staff: number }
  | { kind: 'tick'; replica: number; visit: number; insats: number; done: boolean }
  | { kind: 'event'; replica: number; visit: number; event: VisitEvent }
  | { kind: 'draft'; replica: number; entry: number; text: string }
  | { kind: 'editDraft'; replica: number; entry: number; text: string }
  | { kind: 'sign'; replica: number; entry: number }
  | { kind: 'sync'; from: number; to: number };

const replica = fc.integer({ min: 0, max: REPLICAS - 1 });
const visitIx = fc.integer({ min: 0, max: VISIT_IDS.length - 1 });
const entryIx = fc.integer({ min: 0, max: ENTRY_IDS.length - 1 });
const text = fc.string({ minLength: 1, maxLength: 12 });

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('writeVisit' as const), replica, visit: visitIx, start: fc.integer({ min: 6, max: 20 }), staff: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('tick' as const), replica, visit: visitIx, insats: fc.integer({ min: 0, max: 2 }), done: fc.boolean() }),
  fc.record({
    kind: fc.constant('event' as const),
    replica,
    visit: visitIx,
    event: fc.constantFrom<VisitEvent>(
      { type: 'check_in' },
      { type: 'check_out' },
      { type: 'cancel', reason: 'Sjukhus' },
      { type: 'mark_missed', reason: 'Inte hemma' },
      { type: 'reopen' },
    ),
  }),
  fc.record({ kind: fc.constant('draft' as const), replica, entry: entryIx, text }),
  fc.record({ kind: fc.constant('editDraft' as const), replica, entry: entryIx, text }),
  fc.record({ kind: fc.constant('sign' as const), replica, entry: entryIx }),
  fc.record({ kind: fc.constant('sync' as const), from: replica, to: replica }),
);

const pad = (n: number) => String(n).padStart(2, '0');

function run(docs: Y.Doc[], o: Op, step: number): void {
  const at = `2026-03-02T${pad(6 + (step % 12))}:${pad(step % 60)}:00.000Z`;
  switch (o.kind) {
    case 'writeVisit':
      writePlannedVisit(docs[o.replica]!, {
        id: VISIT_IDS[o.visit]!,
        teamId: 'norr',
        brukareId: `norr-b0${o.visit + 1}`,
        date: '2026-03-02',
        plannedStart: `${pad(o.start)}:00`,
        plannedEnd: `${pad(o.start)}:45`,
        requiredStaff: 1,
        assignedStaffIds: [STAFF[o.staff]!],
        insatser: INSATS_IDS.map((id) => ({ id, type: 'tillsyn' as const, title: id })),
      });
      return;
    case 'tick':
      setTaskDone(docs[o.replica]!, VISIT_IDS[o.visit]!, INSATS_IDS[o.insats]!, o.done, { staffId: STAFF[o.replica]!, at });
      return;
    case 'event':
      applyVisitEvent(docs[o.replica]!, VISIT_IDS[o.visit]!, o.event, { staffId: STAFF[o.replica]!, at });
      return;
    case 'draft':
      createDraft(docs[o.replica]!, {
        id: ENTRY_IDS[o.entry]!,
        brukareId: 'norr-b01',
        authorId: 'anna',
        authorName: 'Anna',
        createdAt: at,
        text: o.text,
      });
      return;
    case 'editDraft':
      updateDraft(docs[o.replica]!, ENTRY_IDS[o.entry]!, 'anna', o.text);
      return;
    case 'sign':
      signEntry(docs[o.replica]!, ENTRY_IDS[o.entry]!, 'anna', at);
      return;
    case 'sync': {
      const from = docs[o.from]!;
      const to = docs[o.to]!;
      Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
      return;
    }
    default: {
      const never: never = o;
      throw new Error(`unknown op ${JSON.stringify(never)}`);
    }
  }
}

/** Everything a reader of the doc sees: raw maps and what the accessors make of them. */
function view(doc: Y.Doc) {
  const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  return {
    raw: Object.fromEntries(['visits', 'status', 'checkIn', 'checkOut', 'tasks', 'entries'].map((name) => [name, doc.getMap(name).toJSON()])),
    visits: byId(readPlannedVisits(doc).items),
    executions: [...readExecutions(doc).items].sort((a, b) => a.visitId.localeCompare(b.visitId)),
    journal: readJournalEntries(doc).items,
  };
}

function applyAll(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

describe('convergence of the doc layout', () => {
  it('gives identical docs for every order of the same updates', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 40 }),
        fc.infiniteStream(fc.integer()),
        (ops, seeds) => {
          const docs = Array.from({ length: REPLICAS }, () => new Y.Doc());
          const emitted: Uint8Array[] = [];
          for (const doc of docs) {
            doc.on('update', (update: Uint8Array, origin: unknown) => {
              // Only what the device itself wrote; relayed updates are the same bytes again.
              if (origin !== REMOTE) emitted.push(update);
            });
          }
          ops.forEach((o, step) => run(docs, o, step));

          const shuffle = (items: readonly Uint8Array[]) => {
            const out = [...items];
            const rand = seeds[Symbol.iterator]();
            for (let i = out.length - 1; i > 0; i--) {
              const j = Math.abs(rand.next().value as number) % (i + 1);
              [out[i], out[j]] = [out[j]!, out[i]!];
            }
            return out;
          };
          const inOrder = applyAll(emitted);
          const a = applyAll(shuffle(emitted));
          const b = applyAll(shuffle(emitted).reverse());

          // Nothing is left waiting for a missing dependency.
          for (const doc of [inOrder, a, b]) expect(doc.store.pendingStructs).toBeNull();
          expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(inOrder));
          expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(inOrder));
          expect(view(a)).toEqual(view(inOrder));
          expect(view(b)).toEqual(view(inOrder));

          // And once the devices have exchanged everything, they hold that same doc.
          for (const from of docs) for (const to of docs) if (from !== to) run(docs, { kind: 'sync', from: docs.indexOf(from), to: docs.indexOf(to) }, 0);
          for (const doc of docs) expect(view(doc)).toEqual(view(inOrder));
        },
      ),
      { numRuns: 50 },
    );
  });
});
