// The team's staff (names, roles, competences and when delegations end),
// fetched when online and kept for offline use. Used to show names instead of
// ids and by the planning board.
import { z } from 'zod/mini';
import { CompetenceSchema, DateSchema, IdSchema, RoleSchema, TimeOfDaySchema, type Competence } from '../../domain';
import type { SlingaDb } from './db';

// Written out here rather than imported from the staff register's module:
// that keeps this module in a chunk of its own (the caregiver's day loads it),
// and the type makes sure that every competence is named.
const validUntilShape = {
  insulin_delegation: z.optional(DateSchema),
  medication_delegation: z.optional(DateSchema),
  lift_training: z.optional(DateSchema),
} satisfies Record<Competence, unknown>;

/**
 * `competences` count today; `validUntil` names the last day of every dated one
 * (a delegation), expired ones too, so that other days are checked with
 * competencesOn. Copies stored before expiry dates existed have none.
 */
export const TeamStaffSchema = z.array(
  z.object({
    id: IdSchema,
    name: z.string(),
    role: RoleSchema,
    competences: z.array(CompetenceSchema),
    workHours: z.optional(z.object({ start: TimeOfDaySchema, end: TimeOfDaySchema })),
    validUntil: z.optional(z.object(validUntilShape)),
  }),
);
export type TeamStaff = z.infer<typeof TeamStaffSchema>;
/** fetch() on the API with a fresh token (AppServices.api). */
type Api = (path: string) => Promise<Response>;

// This tab's copy, so that the board and the day do not wait for the network
// (or IndexedDB) each time they open.
const memory = new Map<string, TeamStaff>();
const lastFetched = new Map<string, number>();
/** How often an open app refreshes a team's staff list in the background. */
const REFRESH_EVERY_MS = 5 * 60_000;

function refreshSoon(db: SlingaDb, api: Api, teamId: string): void {
  if (Date.now() - (lastFetched.get(teamId) ?? 0) < REFRESH_EVERY_MS) return;
  lastFetched.set(teamId, Date.now());
  void fetchTeamStaff(db, api, teamId);
}

async function fetchTeamStaff(db: SlingaDb, api: Api, teamId: string): Promise<TeamStaff | undefined> {
  try {
    const res = await api(`/api/teams/${teamId}/staff`);
    if (!res.ok) return undefined;
    const parsed = z.object({ staff: TeamStaffSchema }).safeParse(await res.json());
    if (!parsed.success) return undefined;
    memory.set(teamId, parsed.data.staff);
    await db.meta.put({ key: `staff:${teamId}`, value: parsed.data.staff });
    return parsed.data.staff;
  } catch {
    return undefined; // offline: the copy on the device stands
  }
}

/**
 * Fetches the team's staff now (after a change in the staff register), so that
 * the board and the day in this tab, and the device's copy, show the change at once.
 */
export async function refreshTeamStaff(db: SlingaDb, api: Api, teamId: string): Promise<void> {
  lastFetched.set(teamId, Date.now());
  await fetchTeamStaff(db, api, teamId);
}

/**
 * The team's staff: at once from this tab's or the device's copy (refreshed
 * from the server in the background for next time), or from the server when
 * the device has none yet.
 */
export async function loadTeamStaff(db: SlingaDb, api: Api, teamId: string): Promise<TeamStaff> {
  const cached = memory.get(teamId);
  if (cached) {
    refreshSoon(db, api, teamId);
    return cached;
  }
  const stored = TeamStaffSchema.safeParse((await db.meta.get(`staff:${teamId}`))?.value);
  if (stored.success) {
    memory.set(teamId, stored.data);
    refreshSoon(db, api, teamId);
    return stored.data;
  }
  lastFetched.set(teamId, Date.now());
  return (await fetchTeamStaff(db, api, teamId)) ?? [];
}
