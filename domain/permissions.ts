// Who may read and write which document. Documents are the unit of permission,
// so the server can decide without looking inside a CRDT update.
import type { DocRef } from './doc-names';
import type { SessionUser } from './team';

export type DocAccess = 'none' | 'read' | 'write';

/** Which team a recipient belongs to; undefined when the recipient is unknown. */
export type TeamOfBrukare = (brukareId: string) => string | undefined;

export function docAccess(user: Pick<SessionUser, 'role' | 'teamIds'>, ref: DocRef, teamOfBrukare: TeamOfBrukare): DocAccess {
  const teamId = 'teamId' in ref ? ref.teamId : teamOfBrukare(ref.brukareId);
  if (teamId === undefined || !user.teamIds.includes(teamId)) return 'none';
  switch (user.role) {
    case 'scheduler':
      return 'write';
    case 'caregiver':
      // Caregivers document what they do; the plan and the recipient's record are the schedulers'.
      return ref.kind === 'plan' || ref.kind === 'brukare' ? 'read' : 'write';
    case 'admin':
      return 'read';
    default: {
      const never: never = user.role;
      throw new Error(`unknown role ${String(never)}`);
    }
  }
}
