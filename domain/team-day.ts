// One team-day, plan and exec merged per visit: what "Min dag", the scheduler's
// overview and GET /api/days read.
import type * as Y from 'yjs';
import { readExecutions, readUnplannedVisits } from './doc-layout/exec-doc';
import { readPlannedVisits } from './doc-layout/plan-doc';
import { byPlannedStart, mergeVisit, type TeamDay, type Visit, type VisitExecution } from './visit';

export type BrukareSummary = { name: string; address: string };

export function readTeamDay(
  teamId: string,
  date: string,
  planDoc: Y.Doc,
  execDoc: Y.Doc,
  brukareOf: (brukareId: string) => BrukareSummary | undefined,
): TeamDay {
  const executions = new Map<string, VisitExecution>(readExecutions(execDoc).items.map((e) => [e.visitId, e]));
  const planned = readPlannedVisits(planDoc).items.map((plan) => mergeVisit(plan, executions.get(plan.id), brukareOf(plan.brukareId)));
  const plannedIds = new Set(planned.map((v) => v.id));
  // An unplanned visit belongs to the doc's team and day, and never shadows a planned one.
  const unplanned = readUnplannedVisits(execDoc)
    .items.filter((v) => v.teamId === teamId && v.date === date && !plannedIds.has(v.id))
    .map((plan) => mergeVisit(plan, executions.get(plan.id), brukareOf(plan.brukareId), true));
  const visits: Visit[] = [...planned, ...unplanned].sort(byPlannedStart);
  return { teamId, date, visits };
}
