// The team's staff (names, roles, competences), fetched when online and kept
// for offline use. Used to show names instead of ids and by the planning board.
import { z } from 'zod/mini';
import { CompetenceSchema, IdSchema, RoleSchema, TimeOfDaySchema } from '../../domain';
import type { SlingaDb } from './db';

export const TeamStaffSchema = z.array(z.object({ id: IdSchema, name: z.string(), role: RoleSchema, competences: z.array(CompetenceSchema), workHours: z.optional(z.object({ start: TimeOfDaySchema, end: TimeOfDaySchema })) }));
export type TeamStaff = z.infer<typeof TeamStaffSchema>;

export async function loadTeamStaff(db: SlingaDb, origin: string, token: string, teamId: string): Promise<TeamStaff> {
  const key = `staff:${teamId}`;
  try {
    const res = await fetch(`${origin}/api/teams/${teamId}/staff`, { headers: { authorization: `Bearer ${token}` } });
    if (res.ok) {
      const parsed = z.object({ staff: TeamStaffSchema }).safeParse(await res.json());
      if (parsed.success) {
        await db.meta.put({ key, value: parsed.data.staff });
        return parsed.data.staff;
      }
    }
  } catch {
    // Offline: the stored list below.
  }
  const stored = TeamStaffSchema.safeParse((await db.meta.get(key))?.value);
  return stored.success ? stored.data : [];
}
