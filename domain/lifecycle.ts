// The visit lifecycle as a pure state machine: planned → in progress → done,
// or planned → cancelled / missed. Invalid transitions are refused with a reason.
import type { OutcomeInput, VisitStatus } from './visit';

export type VisitEvent =
  | { type: 'check_in' }
  /** Without an outcome: all done as planned. */
  | { type: 'check_out'; outcome?: OutcomeInput }
  | { type: 'cancel'; reason: string }
  | { type: 'mark_missed'; reason: string }
  | { type: 'reopen' };

export type TransitionError = {
  code: 'invalid_transition' | 'reason_required';
  from: VisitStatus;
  event: VisitEvent['type'];
  message: string;
};

export type TransitionResult = { ok: true; status: VisitStatus } | { ok: false; error: TransitionError };

function refuse(from: VisitStatus, event: VisitEvent['type'], message: string): TransitionResult {
  return { ok: false, error: { code: 'invalid_transition', from, event, message } };
}

function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

/** Why an outcome is incomplete, or null. Anything but "as planned" needs a structured reason. */
export function outcomeProblem(outcome: OutcomeInput): string | null {
  if (outcome.kind === 'as_planned') {
    return outcome.notDone.length > 0 ? 'an outcome "as planned" cannot list insatser that were not done' : null;
  }
  if (!outcome.reason) return 'a reason is required when the visit did not go as planned';
  if (outcome.reason === 'other' && (outcome.reasonText ?? '').trim() === '') return 'describe the reason when it is "other"';
  if (outcome.kind === 'partial' && outcome.notDone.length === 0) return 'say which insatser were not done';
  return null;
}

export function transition(from: VisitStatus, event: VisitEvent): TransitionResult {
  switch (event.type) {
    case 'check_in':
      return from === 'planned'
        ? { ok: true, status: 'in_progress' }
        : refuse(from, event.type, `cannot check in to a visit that is ${from}`);
    case 'check_out': {
      if (from !== 'in_progress') return refuse(from, event.type, `cannot check out of a visit that is ${from}; check in first`);
      const problem = event.outcome ? outcomeProblem(event.outcome) : null;
      if (problem) return { ok: false, error: { code: 'reason_required', from, event: event.type, message: problem } };
      return { ok: true, status: 'done' };
    }
    case 'cancel':
    case 'mark_missed': {
      if (event.reason.trim() === '') {
        return { ok: false, error: { code: 'reason_required', from, event: event.type, message: 'a reason is required' } };
      }
      if (from !== 'planned') return refuse(from, event.type, `only a planned visit can be ${event.type === 'cancel' ? 'cancelled' : 'marked missed'}, this one is ${from}`);
      return { ok: true, status: event.type === 'cancel' ? 'cancelled' : 'missed' };
    }
    case 'reopen':
      return from === 'cancelled' || from === 'missed'
        ? { ok: true, status: 'planned' }
        : refuse(from, event.type, `only a cancelled or missed visit can be reopened, this one is ${from}`);
    default:
      return assertNever(event);
  }
}
