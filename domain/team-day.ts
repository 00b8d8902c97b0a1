// One team-day, plan and exec merged per visit: what "Min dag", the scheduler's
// overview and GET /api/days read. The two halves can also be read apart
// (readDayExecution, then mergeTeamDay), so that a view that keeps both docs
// open re-reads only the doc that changed.
import type * as Y from 'yjs';
import { readExecutions, readUnplannedVisits } from './doc-layout/exec-doc';
import { readPlannedVisit, readPlannedVisits } from './doc-layout/plan-doc';
import { byPlannedStart, mergeVisit, type PlannedVisit, type TeamDay, type Visit, type VisitExecution } from './visit';

export type BrukareSummary = { name: string; address: string };

/** What an exec doc says about a day: each visit's execution, and the visits created in the field. */
export type DayExecution = { executions: ReadonlyMap<string, VisitExecution>; unplanned: readonly PlannedVisit[] };

export function readDayExecution(execDoc: Y.Doc): DayExecution {
  return {
    executions: new Map(readExecutions(execDoc).items.map((e) => [e.visitId, e])),
    unplanned: readUnplannedVisits(execDoc).items,
  };
}

/** The team-day from the plan doc's visits and the exec doc's record of them. */
export function mergeTeamDay(
  teamId: string,
  date: string,
  plannedVisits: readonly PlannedVisit[],
  execution: DayExecution,
  brukareOf: (brukareId: string) => BrukareSummary | undefined,
): TeamDay {
  const { executions } = execution;
  const planned = plannedVisits.map((plan) => mergeVisit(plan, executions.get(plan.id), brukareOf(plan.brukareId)));
  const plannedIds = new Set(planned.map((v) => v.id));
  // An unplanned visit belongs to the doc's team and day, and never shadows a planned one.
  const unplanned = execution.unplanned
    .filter((v) => v.teamId === teamId && v.date === date && !plannedIds.has(v.id))
    .map((plan) => mergeVisit(plan, executions.get(plan.id), brukareOf(plan.brukareId), true));
  const visits: Visit[] = [...planned, ...unplanned].sort(byPlannedStart);
  return { teamId, date, visits };
}

export function readTeamDay(
  teamId: string,
  date: string,
  planDoc: Y.Doc,
  execDoc: Y.Doc,
  brukareOf: (brukareId: string) => BrukareSummary | undefined,
): TeamDay {
  return mergeTeamDay(teamId, date, readPlannedVisits(planDoc).items, readDayExecution(execDoc), brukareOf);
}

/** One visit of a team-day by id: planned (in the plan doc) or created in the field (in the exec doc). */
export function findDayVisit(planDoc: Y.Doc, execDoc: Y.Doc, visitId: string): { plan: PlannedVisit; unplanned: boolean } | undefined {
  const scheduled = readPlannedVisit(planDoc, visitId);
  if (scheduled) return { plan: scheduled, unplanned: false };
  const unplanned = readUnplannedVisits(execDoc).items.find((v) => v.id === visitId);
  return unplanned ? { plan: unplanned, unplanned: true } : undefined;
}

/**
 * Finds a visit in a user's day docs, given as [plan, exec] pairs (one pair
 * per team, in order): the planned or unplanned visit and the exec doc that
 * holds its field records.
 */
export function findVisitInDayDocs(docs: readonly (Y.Doc | undefined)[], visitId: string): { plan: PlannedVisit; unplanned: boolean; execDoc: Y.Doc } | undefined {
  for (let i = 0; i + 1 < docs.length; i += 2) {
    const planDoc = docs[i];
    const execDoc = docs[i + 1];
    if (!planDoc || !execDoc) continue;
    const hit = findDayVisit(planDoc, execDoc, visitId);
    if (hit) return { ...hit, execDoc };
  }
  return undefined;
}
