// Planned visits follow the current care plan. When a new version changes
// what is done or when, the visits generated from the older version on days
// to come are brought in line: insatser and staffing follow the plan, times
// follow it unless a scheduler moved the visit, visits the plan no longer
// gives are removed (their staff carry over to the visit that now holds the
// same insatser), and visits it newly gives are added. What a scheduler
// removed stays removed; visits a scheduler added by hand are never touched.
import * as Y from 'yjs';
import { PlannedVisitSchema, type PlannedVisit } from '../visit';
import { GENERATED, visitsMap } from './plan-doc';
import { ensureMap, setFields } from './y-helpers';

/** What generation recorded of a visit: the times it gave (older docs recorded just `true`). */
type GeneratedMark = { start: string; end: string } | true;

function markOf(value: unknown): GeneratedMark | undefined {
  if (value === true) return true;
  if (value && typeof value === 'object') {
    const { start, end } = value as { start?: unknown; end?: unknown };
    if (typeof start === 'string' && typeof end === 'string') return { start, end };
  }
  return undefined;
}

export type FollowResult = { added: string[]; updated: string[]; removed: string[] };

function add(doc: Y.Doc, visit: PlannedVisit): void {
  const checked = PlannedVisitSchema.parse(visit);
  setFields(ensureMap(visitsMap(doc), checked.id), checked);
  doc.getMap<unknown>(GENERATED).set(checked.id, { start: checked.plannedStart, end: checked.plannedEnd });
}

/**
 * Adds the visits that care plans give for this day and that were never
 * generated before. Idempotent: running it twice gives the same visits, and
 * it never overwrites or re-adds what a scheduler changed or removed.
 * Returns the ids it added.
 */
export function generateVisits(doc: Y.Doc, visits: readonly PlannedVisit[], origin?: unknown): string[] {
  const generated = doc.getMap<unknown>(GENERATED);
  const added: string[] = [];
  doc.transact(() => {
    for (const visit of visits) {
      if (generated.has(visit.id) || visitsMap(doc).has(visit.id)) continue;
      add(doc, visit);
      added.push(visit.id);
    }
  }, origin);
  return added;
}

/** True when a care plan's visits were ever generated into this day (a day nobody generated is left alone). */
export function hasGeneratedVisits(doc: Y.Doc): boolean {
  return doc.getMap<unknown>(GENERATED).size > 0;
}

/**
 * Brings one day's generated visits of the given recipients in line with what
 * their current care plans give (`expected`: recipient id → visitsFromCarePlan
 * for this day). Recipients not in `expected` are left alone. Idempotent.
 */
export function followCarePlans(doc: Y.Doc, expected: ReadonlyMap<string, readonly PlannedVisit[]>, origin?: unknown): FollowResult {
  const result: FollowResult = { added: [], updated: [], removed: [] };
  const generated = doc.getMap<unknown>(GENERATED);
  const visits = visitsMap(doc);
  doc.transact(() => {
    for (const [brukareId, wanted] of expected) {
      const wantedById = new Map(wanted.map((v) => [v.id, v]));
      // Staff of removed visits, by the insatser those visits held.
      const staffByInsats = new Map<string, string[]>();
      visits.forEach((record, id) => {
        if (!(record instanceof Y.Map) || record.get('brukareId') !== brukareId) return;
        const mark = markOf(generated.get(id));
        if (!mark) return; // added by hand: the scheduler's own
        const want = wantedById.get(id);
        if (!want) {
          const staff = record.get('assignedStaffIds');
          const insatser = record.get('insatser');
          if (Array.isArray(staff) && Array.isArray(insatser)) {
            for (const i of insatser as Array<{ id?: unknown }>) if (typeof i.id === 'string') staffByInsats.set(i.id, staff.filter((s): s is string => typeof s === 'string'));
          }
          visits.delete(id);
          // Removed by following, not by a person: a later version that gives it again brings it back.
          generated.delete(id);
          result.removed.push(id);
          return;
        }
        const start = record.get('plannedStart');
        const end = record.get('plannedEnd');
        const movedByScheduler = mark === true ? start !== want.plannedStart : start !== mark.start || end !== mark.end;
        const fields: Record<string, unknown> = { insatser: want.insatser, requiredStaff: want.requiredStaff };
        if (!movedByScheduler) Object.assign(fields, { plannedStart: want.plannedStart, plannedEnd: want.plannedEnd });
        const before = JSON.stringify([record.get('insatser'), record.get('requiredStaff'), start, end]);
        setFields(record, fields);
        if (!movedByScheduler) generated.set(id, { start: want.plannedStart, end: want.plannedEnd });
        if (JSON.stringify([record.get('insatser'), record.get('requiredStaff'), record.get('plannedStart'), record.get('plannedEnd')]) !== before) result.updated.push(id);
      });
      for (const want of wanted) {
        if (generated.has(want.id) || visits.has(want.id)) continue;
        const carried = [...new Set(want.insatser.flatMap((i) => staffByInsats.get(i.id) ?? []))].slice(0, Math.max(want.requiredStaff, 1));
        add(doc, { ...want, assignedStaffIds: want.assignedStaffIds.length > 0 ? want.assignedStaffIds : carried });
        result.added.push(want.id);
      }
    }
  }, origin);
  return result;
}
