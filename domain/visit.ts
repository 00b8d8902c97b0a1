// Visits: what the plan says (plan doc) and what happened (exec doc), and the
// merged view the caregiver and the reports read.
import { z } from 'zod/mini';
import { DateSchema, IdSchema, InstantSchema, TimeOfDaySchema } from './ids';
import { InsatsTypeSchema } from './insatser';
import { SignOffSchema } from './sign-off';

export const VISIT_STATUSES = ['planned', 'in_progress', 'done', 'cancelled', 'missed'] as const;
export const VisitStatusSchema = z.enum(VISIT_STATUSES);
export type VisitStatus = z.infer<typeof VisitStatusSchema>;

export const PlannedInsatsSchema = z.object({
  id: IdSchema,
  type: InsatsTypeSchema,
  title: z.string().check(z.minLength(1)),
});
export type PlannedInsats = z.infer<typeof PlannedInsatsSchema>;

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A scheduler's cancellation of a visit (a plan change, kept in the plan doc). */
export const CancellationSchema = z.object({
  reason: z.string().check(
    z.maxLength(500),
    z.refine((r) => r.trim() !== '', { message: 'a reason is required' }),
  ),
  at: InstantSchema,
  by: IdSchema,
});
export type Cancellation = z.infer<typeof CancellationSchema>;

/** The plan side of a visit; written by the team's schedulers only. */
export const PlannedVisitSchema = z
  .object({
    id: IdSchema,
    teamId: IdSchema,
    brukareId: IdSchema,
    date: DateSchema,
    plannedStart: TimeOfDaySchema,
    plannedEnd: TimeOfDaySchema,
    requiredStaff: z.number().check(z.int(), z.gte(1), z.lte(3)),
    assignedStaffIds: z.array(IdSchema),
    insatser: z.array(PlannedInsatsSchema).check(z.minLength(1)),
    /** Set when the scheduler cancelled the visit; the execution side is never touched by it. */
    cancelled: z.optional(CancellationSchema),
    /** Set when the scheduler marked the visit as missed (nobody came); kept apart from the field's records like a cancellation. */
    missed: z.optional(CancellationSchema),
  })
  .check(
    // Only compared when both are well-formed; a malformed time is reported by its own field.
    z.refine((v) => !TIME_RE.test(v.plannedStart) || !TIME_RE.test(v.plannedEnd) || v.plannedStart < v.plannedEnd, {
      message: 'plannedEnd must be after plannedStart',
      path: ['plannedEnd'],
    }),
  );
export type PlannedVisit = z.infer<typeof PlannedVisitSchema>;

export const StampSchema = z.object({ at: InstantSchema, staffId: IdSchema });
export type Stamp = z.infer<typeof StampSchema>;

export const TaskResultSchema = z.object({
  done: z.boolean(),
  staffId: IdSchema,
  at: InstantSchema,
});
export type TaskResult = z.infer<typeof TaskResultSchema>;

/** Why a visit or some of its insatser did not go as planned. */
export const OUTCOME_REASONS = ['not_home', 'declined', 'hospital', 'no_time', 'other'] as const;
export const OutcomeReasonSchema = z.enum(OUTCOME_REASONS);
export type OutcomeReason = z.infer<typeof OutcomeReasonSchema>;

export const OUTCOME_KINDS = ['as_planned', 'partial', 'not_done'] as const;

/** What the caregiver says at check-out; by exception: "as planned" needs nothing more. */
export const OutcomeInputSchema = z.object({
  kind: z.enum(OUTCOME_KINDS),
  reason: z.optional(OutcomeReasonSchema),
  reasonText: z.optional(z.string().check(z.maxLength(500))),
  /** The planned insatser that were not done. */
  notDone: z.array(IdSchema),
});
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;

/** The outcome as stored: the input plus planned and actual minutes. */
export const OutcomeSchema = z.object({
  kind: z.enum(OUTCOME_KINDS),
  reason: z.optional(OutcomeReasonSchema),
  reasonText: z.optional(z.string()),
  notDone: z.array(IdSchema),
  plannedMinutes: z.optional(z.number()),
  actualMinutes: z.optional(z.number()),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

/** The execution side of a visit; written by the team's caregivers and schedulers. */
export const VisitExecutionSchema = z.object({
  visitId: IdSchema,
  status: VisitStatusSchema,
  checkIn: z.optional(StampSchema),
  checkOut: z.optional(StampSchema),
  statusReason: z.optional(z.string()),
  tasks: z.record(IdSchema, TaskResultSchema),
  outcome: z.optional(OutcomeSchema),
  /** Every staff member's check-in, when more than one checked in (dubbelbemanning). */
  staffCheckIns: z.optional(z.array(StampSchema)),
  /** Every staff member's check-out, when more than one checked out. */
  staffCheckOuts: z.optional(z.array(StampSchema)),
  /**
   * The status once recorded as cancelled or missed, when somebody checked in
   * anyway (offline, concurrently): the work wins the status, the marking is
   * kept here so that the board shows the clash.
   */
  markedStatus: z.optional(z.enum(['cancelled', 'missed'])),
  /** The recipient's sign-offs of the visit, oldest first. */
  signOffs: z.optional(z.array(SignOffSchema)),
});
export type VisitExecution = z.infer<typeof VisitExecutionSchema>;

/** Plan and execution merged: one visit as everybody reads it. */
export const VisitSchema = z.object({
  id: IdSchema,
  teamId: IdSchema,
  brukareId: IdSchema,
  brukareName: z.optional(z.string()),
  address: z.optional(z.string()),
  date: DateSchema,
  plannedStart: TimeOfDaySchema,
  plannedEnd: TimeOfDaySchema,
  requiredStaff: z.number(),
  assignedStaffIds: z.array(IdSchema),
  insatser: z.array(PlannedInsatsSchema),
  status: VisitStatusSchema,
  checkIn: z.optional(StampSchema),
  checkOut: z.optional(StampSchema),
  statusReason: z.optional(z.string()),
  tasks: z.record(IdSchema, TaskResultSchema),
  outcome: z.optional(OutcomeSchema),
  staffCheckIns: z.optional(z.array(StampSchema)),
  staffCheckOuts: z.optional(z.array(StampSchema)),
  markedStatus: z.optional(z.enum(['cancelled', 'missed'])),
  signOffs: z.optional(z.array(SignOffSchema)),
  cancelled: z.optional(CancellationSchema),
  missed: z.optional(CancellationSchema),
  /** Created in the field (e.g. after a safety-alarm call-out), not by the scheduler. */
  unplanned: z.optional(z.boolean()),
});
export type Visit = z.infer<typeof VisitSchema>;

export function mergeVisit(
  plan: PlannedVisit,
  exec: VisitExecution | undefined,
  brukare?: { name: string; address: string },
  unplanned = false,
): Visit {
  // A cancellation in the plan makes the visit cancelled unless somebody
  // checked in to it anyway; then the work decides the status and the clash
  // is shown (see clashes.ts). Nothing recorded in the field is hidden by it.
  const worked = exec?.checkIn !== undefined;
  const closed = worked ? undefined : plan.cancelled ? ('cancelled' as const) : plan.missed ? ('missed' as const) : undefined;
  const status = closed ?? exec?.status ?? 'planned';
  return {
    ...plan,
    ...(exec?.markedStatus ? { markedStatus: exec.markedStatus } : {}),
    ...(exec?.signOffs ? { signOffs: exec.signOffs } : {}),
    ...(unplanned ? { unplanned: true } : {}),
    ...(exec?.outcome ? { outcome: exec.outcome } : {}),
    ...(exec?.staffCheckIns ? { staffCheckIns: exec.staffCheckIns } : {}),
    ...(exec?.staffCheckOuts ? { staffCheckOuts: exec.staffCheckOuts } : {}),
    brukareName: brukare?.name,
    address: brukare?.address,
    status,
    checkIn: exec?.checkIn,
    checkOut: exec?.checkOut,
    statusReason: closed ? (plan.cancelled ?? plan.missed)?.reason : exec?.statusReason,
    tasks: exec?.tasks ?? {},
  };
}

/** Visits in time order (then by id, so that equal times have a stable order). */
export function byPlannedStart(a: { plannedStart: string; id: string }, b: { plannedStart: string; id: string }): number {
  return a.plannedStart === b.plannedStart ? a.id.localeCompare(b.id) : a.plannedStart.localeCompare(b.plannedStart);
}

export const TeamDaySchema = z.object({
  teamId: IdSchema,
  date: DateSchema,
  visits: z.array(VisitSchema),
});
export type TeamDay = z.infer<typeof TeamDaySchema>;
