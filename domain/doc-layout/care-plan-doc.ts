// The care plan's versions inside brukare:<id>.
// Root map "carePlanVersions": versionId → CarePlanVersion (written once, never changed);
// root map "carePlanAgreements": versionId → CarePlanAgreement.
// Versions are immutable values under random ids, so two schedulers saving
// offline both keep their version; the newest (compareVersions) is current.
// Docs from before versioning have only the root map "carePlan"; it stays the
// current plan until the first version is saved.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { BrukareSchema, type CarePlanItem } from '../brukare';
import {
  CarePlanAgreementSchema,
  CarePlanVersionSchema,
  carePlanStatus,
  compareVersions,
  type CarePlanAgreement,
  type CarePlanVersion,
  type CarePlanVersionView,
} from '../care-plan';
import { readServiceEnded } from './recipient-card-doc';

export const CARE_PLAN_VERSIONS = 'carePlanVersions';
export const CARE_PLAN_AGREEMENTS = 'carePlanAgreements';

type Stamp = { at?: unknown; id?: unknown };

/**
 * The current version, parsed, or undefined when the doc has none (or none
 * well-formed). Only the newest is parsed: the board reads this for every
 * recipient of the day on every change.
 */
export function readCurrentVersion(doc: Y.Doc): CarePlanVersion | undefined {
  const candidates: Array<{ at: string; id: string; value: unknown }> = [];
  doc.getMap<unknown>(CARE_PLAN_VERSIONS).forEach((value, key) => {
    const stamp = (value ?? {}) as Stamp;
    candidates.push({ at: typeof stamp.at === 'string' ? stamp.at : '', id: key, value });
  });
  candidates.sort(compareVersions);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const parsed = CarePlanVersionSchema.safeParse(candidates[i]?.value);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

function readAgreement(doc: Y.Doc, versionId: string): CarePlanAgreement | undefined {
  const parsed = CarePlanAgreementSchema.safeParse(doc.getMap<unknown>(CARE_PLAN_AGREEMENTS).get(versionId));
  return parsed.success && parsed.data.versionId === versionId ? parsed.data : undefined;
}

/** Every well-formed version, oldest first, numbered from 1, each with its agreement. */
export function readCarePlanVersions(doc: Y.Doc): CarePlanVersionView[] {
  const versions: CarePlanVersion[] = [];
  doc.getMap<unknown>(CARE_PLAN_VERSIONS).forEach((value, key) => {
    const parsed = CarePlanVersionSchema.safeParse(value);
    if (parsed.success && parsed.data.id === key) versions.push(parsed.data);
  });
  return versions.sort(compareVersions).map((v, i) => ({ ...v, number: i + 1, agreement: readAgreement(doc, v.id) }));
}

/** The current version with its number and agreement (what the board and the read-up page show). */
export function readCurrentVersionView(doc: Y.Doc): CarePlanVersionView | undefined {
  const current = readCurrentVersion(doc);
  if (!current) return undefined;
  return { ...current, number: doc.getMap<unknown>(CARE_PLAN_VERSIONS).size, agreement: readAgreement(doc, current.id) };
}

/** The items planning works from: the current version's, or the pre-versioning plan's. */
export function currentCarePlanItems(doc: Y.Doc, legacy: () => CarePlanItem[]): CarePlanItem[] {
  const current = readCurrentVersion(doc);
  if (!current) return legacy();
  return [...current.items].sort((a, b) => a.rhythm.windowStart.localeCompare(b.rhythm.windowStart) || a.id.localeCompare(b.id));
}

const ReviewedRecipientSchema = z.pick(BrukareSchema, { id: true, name: true, teamId: true });

export type CarePlanToReview = { id: string; name: string; status: 'follow_up_due' | 'not_agreed'; followUpOn: string };

/**
 * The board's "care plans to review": this team's recipient whose current
 * version is past its follow-up date or not agreed yet. Undefined for another
 * team's recipient, an ended service, a doc without versions, or a plan in order.
 */
export function carePlanToReview(doc: Y.Doc, teamId: string, today: string): CarePlanToReview | undefined {
  const profile = doc.getMap<unknown>('profile');
  const who = ReviewedRecipientSchema.safeParse({ id: profile.get('id'), name: profile.get('name'), teamId: profile.get('teamId') });
  if (!who.success || who.data.teamId !== teamId || readServiceEnded(doc)) return undefined;
  const current = readCurrentVersionView(doc);
  if (!current) return undefined;
  const status = carePlanStatus(current, today);
  return status === 'agreed' ? undefined : { id: who.data.id, name: who.data.name, status, followUpOn: current.followUpOn };
}

/** Adds a new version (never changes one). Throws on an invalid version: the caller's bug. */
export function saveCarePlanVersion(doc: Y.Doc, version: CarePlanVersion, origin?: unknown): void {
  const checked = CarePlanVersionSchema.parse(version);
  const versions = doc.getMap<unknown>(CARE_PLAN_VERSIONS);
  if (versions.has(checked.id)) throw new Error(`care plan version ${checked.id} exists`);
  doc.transact(() => versions.set(checked.id, checked), origin);
}

/** Marks a version as agreed with the recipient. False if there is no such version. */
export function markCarePlanAgreed(doc: Y.Doc, agreement: CarePlanAgreement, origin?: unknown): boolean {
  const checked = CarePlanAgreementSchema.parse(agreement);
  if (!doc.getMap<unknown>(CARE_PLAN_VERSIONS).has(checked.versionId)) return false;
  doc.transact(() => doc.getMap<unknown>(CARE_PLAN_AGREEMENTS).set(checked.versionId, checked), origin);
  return true;
}
