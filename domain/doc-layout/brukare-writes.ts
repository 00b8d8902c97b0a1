// What a write to brukare:<id> changed, in the audit log's terms: the care
// plan (versions, agreements, the pre-versioning plan) or the recipient's card
// (profile fields). Names of root maps and fields only, never values.
import { CARE_PLAN_AGREEMENTS, CARE_PLAN_VERSIONS } from './care-plan-doc';

export type BrukareWrite =
  | { action: 'care_plan_changed'; detail: { versionsAdded: string; agreed: string; legacyItems: string } }
  | { action: 'recipient_card_changed'; detail: { fields: string } }
  | { action: 'recipient_doc_changed'; detail: { parts: string } };

const CARD_ROOTS = new Set(['profile', 'cardChanges']);
const PLAN_ROOTS = new Set([CARE_PLAN_VERSIONS, CARE_PLAN_AGREEMENTS, 'carePlan']);

/** One audit record per kind of change in a write (root map name → keys changed on it); keys comma-separated. */
export function describeBrukareWrite(changes: ReadonlyMap<string, ReadonlySet<string>>): BrukareWrite[] {
  const out: BrukareWrite[] = [];
  const keys = (root: string) => [...(changes.get(root) ?? [])].sort().join(',');
  if ([...PLAN_ROOTS].some((r) => changes.has(r))) {
    out.push({ action: 'care_plan_changed', detail: { versionsAdded: keys(CARE_PLAN_VERSIONS), agreed: keys(CARE_PLAN_AGREEMENTS), legacyItems: keys('carePlan') } });
  }
  if (changes.has('profile')) out.push({ action: 'recipient_card_changed', detail: { fields: keys('profile') } });
  const other = [...changes.keys()].filter((r) => !CARD_ROOTS.has(r) && !PLAN_ROOTS.has(r)).sort();
  if (other.length > 0) out.push({ action: 'recipient_doc_changed', detail: { parts: other.join(',') } });
  return out;
}
