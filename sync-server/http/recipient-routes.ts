// Ending a recipient's service (moved, deceased, to residential care) and
// undoing that: POST /api/recipients/:id/end { reason, on } and
// POST /api/recipients/:id/resume. Ending writes `serviceEnded` into the
// recipient's doc (attributed, through the room so devices get it), records
// the end date in the directory (GET /api/docs stops listing the recipient's
// docs once the retention period after it has passed) and cancels the visits
// already planned from the end date on. Resuming, possible as long as the
// devices still hold the docs, undoes all three. The server keeps the docs
// either way: records are kept by law. Only the team's schedulers and admins.
import { Hono, type Context } from 'hono';
import type * as Y from 'yjs';
import {
  CancellationSchema,
  EndServiceRequestSchema,
  IdSchema,
  SCHEDULER_DAYS_AHEAD,
  addDays,
  brukareDocName,
  cancelPlannedVisit,
  heldOnDevices,
  localDate,
  planDocName,
  readPlannedVisits,
  readServiceEnded,
  restorePlannedVisit,
  writeCardFields,
  type ServiceEnded,
} from '../../domain';
import type { Logger } from '../logger';
import type { RoomManager } from '../rooms/room-manager';
import type { Security } from '../security';
import type { Directory } from '../store/types';
import type { AuthEnv } from './auth-middleware';
import { ApiError } from './errors';
import { fieldProblems, invalidFields } from './field-errors';
import { readJson } from './read-json';

export type RecipientRouteDeps = { directory: Directory; rooms: RoomManager; security: Security; log: Logger; now: () => Date; retentionDaysAfterEnd: number };

/** The reason written on the visits cancelled by an ending (shown on the board). */
const CANCEL_REASON = 'Insatserna har avslutats';


export function recipientRoutes(deps: RecipientRouteDeps): Hono<AuthEnv> {
  const { directory, rooms, security, log } = deps;
  const app = new Hono<AuthEnv>();

  /** The recipient and its team, after checking that the user may end or resume its service. */
  const recipientFor = (c: Context<AuthEnv>): { id: string; teamId: string } => {
    const user = c.get('user');
    if (user.role !== 'admin' && user.role !== 'scheduler') throw new ApiError(403, "only the team's schedulers and admins may end or resume a recipient's service");
    const id = IdSchema.safeParse(c.req.param('id'));
    const teamId = id.success ? directory.teamOfBrukare(id.data) : undefined;
    if (!id.success || teamId === undefined) throw new ApiError(404, 'no such recipient');
    if (user.role === 'scheduler' && !user.teamIds.includes(teamId)) throw new ApiError(403, "only the team's schedulers and admins may end or resume a recipient's service");
    return { id: id.data, teamId };
  };

  /**
   * Cancels (or, undoing an end, restores) the recipient's visits planned from
   * `from` to the end of the planning window. Visits someone checked in to stay
   * as the field recorded them (the merged visit follows the work).
   */
  const eachPlannedDay = async (teamId: string, from: string, fn: (doc: Y.Doc) => number): Promise<number> => {
    const today = localDate(deps.now());
    const last = addDays(today, SCHEDULER_DAYS_AHEAD);
    let count = 0;
    for (let date = from < today ? today : from; date <= last; date = addDays(date, 1)) {
      const { result, applied } = await rooms.change(planDocName(teamId, date), fn);
      if (applied === 'store_failed' || applied === 'malformed') throw new ApiError(500, 'the plan could not be stored; try again');
      count += result;
    }
    return count;
  };

  /** Plans again the visits that an ending cancelled (the same instant and reason), and no others. */
  const restoreCancelled = (id: string, teamId: string, ending: ServiceEnded): Promise<number> =>
    eachPlannedDay(teamId, ending.on, (doc) => {
      let n = 0;
      for (const visit of readPlannedVisits(doc).items) {
        if (visit.brukareId !== id || visit.cancelled?.at !== ending.at || visit.cancelled.reason !== CANCEL_REASON) continue;
        if (restorePlannedVisit(doc, visit.id)) n++;
      }
      return n;
    });

  /**
   * Writes (or, with undefined, clears) the ending in the recipient's doc,
   * attributed like any card change, then in the directory. Returns the ending
   * it replaced.
   */
  const writeEnding = async (id: string, ending: ServiceEnded | undefined, user: { id: string; name: string }, at: string): Promise<ServiceEnded | undefined> => {
    let previous: ServiceEnded | undefined;
    const { result, applied } = await rooms.change(brukareDocName(id), (doc) => {
      previous = readServiceEnded(doc);
      return writeCardFields(doc, { serviceEnded: ending }, { by: user.id, byName: user.name, at });
    });
    if (!result.ok) throw new ApiError(409, "the recipient's record cannot be changed: it has no profile");
    if (applied === 'store_failed' || applied === 'malformed') throw new ApiError(500, "the recipient's record could not be stored; try again");
    directory.setRecipientEndedOn(id, ending?.on ?? null);
    return previous;
  };

  app.post('/recipients/:id/end', async (c) => {
    const { id, teamId } = recipientFor(c);
    const parsed = EndServiceRequestSchema.safeParse(await readJson(c.req.raw));
    if (!parsed.success) {
      return invalidFields(c, 'request', fieldProblems(parsed.error.issues));
    }
    const user = c.get('user');
    const at = deps.now().toISOString();
    const ended: ServiceEnded = { reason: parsed.data.reason, on: parsed.data.on, by: user.id, at };
    const earlier = directory.recipientEndedOn(id);

    const previous = await writeEnding(id, ended, user, at);

    // Ending again (another date): what the earlier ending cancelled is planned again first.
    if (previous) await restoreCancelled(id, teamId, previous);
    const cancellation = CancellationSchema.parse({ reason: CANCEL_REASON, at, by: user.id });
    const cancelled = await eachPlannedDay(teamId, ended.on, (doc) => {
      let n = 0;
      for (const visit of readPlannedVisits(doc).items) {
        if (visit.brukareId !== id || visit.cancelled) continue;
        if (cancelPlannedVisit(doc, visit.id, cancellation)) n++;
      }
      return n;
    });

    // Ids and dates only: the reason stays in the recipient's record.
    security.audit.append({
      action: 'recipient_service_ended',
      actorId: user.id,
      deviceId: c.get('deviceId'),
      subjectKind: 'brukare',
      subjectId: id,
      detail: { on: ended.on, ...(earlier ? { previousOn: earlier } : {}), visitsCancelled: cancelled },
    });
    log.info('recipient_ended', { recipient: id, visitsCancelled: cancelled });
    return c.json({ serviceEnded: ended, visitsCancelled: cancelled });
  });

  app.post('/recipients/:id/resume', async (c) => {
    const { id, teamId } = recipientFor(c);
    const endedOn = directory.recipientEndedOn(id);
    if (endedOn === undefined) throw new ApiError(409, "the recipient's service has not ended");
    const today = localDate(deps.now());
    // Once the devices have dropped the recipient, an ending is no longer undone here.
    if (!heldOnDevices(endedOn, today, deps.retentionDaysAfterEnd)) throw new ApiError(409, 'the retention period after the end has passed; send a new order instead');
    const user = c.get('user');
    const at = deps.now().toISOString();
    const ended = await writeEnding(id, undefined, user, at);

    const restored = ended ? await restoreCancelled(id, teamId, ended) : 0;

    security.audit.append({
      action: 'recipient_service_resumed',
      actorId: user.id,
      deviceId: c.get('deviceId'),
      subjectKind: 'brukare',
      subjectId: id,
      detail: { endedOn, visitsRestored: restored },
    });
    log.info('recipient_resumed', { recipient: id, visitsRestored: restored });
    return c.json({ resumed: true, visitsRestored: restored });
  });

  return app;
}
