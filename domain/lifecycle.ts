// The visit lifecycle as a pure state machine: planned → in progress → done,
// or planned → cancelled / missed. Invalid transitions are refused with a reason.
import type { VisitStatus } from './visit';

export type VisitEvent =
  | { type: 'check_in' }
  | { type: 'check_out' }
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

export function transition(from: VisitStatus, event: VisitEvent): TransitionResult {
  switch (event.type) {
    case 'check_in':
      return from === 'planned'
        ? { ok: true, status: 'in_progress' }
        : refuse(from, event.type, `cannot check in to a visit that is ${from}`);
    case 'check_out':
      return from === 'in_progress'
        ? { ok: true, status: 'done' }
        : refuse(from, event.type, `cannot check out of a visit that is ${from}; check in first`);
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
