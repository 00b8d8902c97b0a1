// Check-out by exception: one tap for "all done as planned"; anything else
// asks which insatser were not done and a structured reason.
import { For, Show, createSignal, type JSX } from 'solid-js';
import { OUTCOME_REASONS, outcomeProblem, type OutcomeInput, type OutcomeReason, type PlannedInsats } from '../../domain';
import { useFieldStrings } from '../i18n/field';
import { ErrorText } from './ErrorText';

export function CheckOutForm(props: { insatser: PlannedInsats[]; onCheckOut: (outcome: OutcomeInput) => void }): JSX.Element {
  const f = useFieldStrings();
  const [open, setOpen] = createSignal(false);
  const [kind, setKind] = createSignal<'partial' | 'not_done'>('partial');
  const [notDone, setNotDone] = createSignal<string[]>([]);
  const [reason, setReason] = createSignal<OutcomeReason | undefined>(undefined);
  const [reasonText, setReasonText] = createSignal('');
  const [problem, setProblem] = createSignal<string | null>(null);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const outcome: OutcomeInput = {
      kind: kind(),
      notDone: kind() === 'not_done' ? props.insatser.map((i) => i.id) : notDone(),
      ...(reason() ? { reason: reason() } : {}),
      ...(reasonText().trim() ? { reasonText: reasonText().trim() } : {}),
    };
    if (!outcomeProblem(outcome)) {
      setProblem(null);
      return props.onCheckOut(outcome);
    }
    setProblem(
      !outcome.reason ? f().outcome.needReason : outcome.reason === 'other' && !outcome.reasonText ? f().outcome.needText : f().outcome.needNotDone,
    );
  };

  return (
    <div class="checkout">
      <div class="actions">
        <button type="button" class="btn btn-primary" onClick={() => props.onCheckOut({ kind: 'as_planned', notDone: [] })}>
          {f().outcome.asPlanned}
        </button>
        <button type="button" class="btn" aria-expanded={open()} aria-controls="outcome-form" onClick={() => setOpen(!open())}>
          {f().outcome.notAsPlanned}
        </button>
      </div>
      <Show when={open()}>
        <form id="outcome-form" class="panel" onSubmit={submit}>
          <fieldset>
            <legend>{f().outcome.title}</legend>
            <label class="check">
              <input type="radio" name="kind" checked={kind() === 'partial'} onChange={() => setKind('partial')} />
              <span>{f().outcome.kindPartial}</span>
            </label>
            <label class="check">
              <input type="radio" name="kind" checked={kind() === 'not_done'} onChange={() => setKind('not_done')} />
              <span>{f().outcome.kindNotDone}</span>
            </label>
          </fieldset>
          <Show when={kind() === 'partial'}>
            <fieldset>
              <legend>{f().outcome.whichNotDone}</legend>
              <For each={props.insatser}>
                {(insats) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      data-testid={`not-done-${insats.id}`}
                      checked={notDone().includes(insats.id)}
                      onChange={(e) => setNotDone(e.currentTarget.checked ? [...notDone(), insats.id] : notDone().filter((id) => id !== insats.id))}
                    />
                    <span>{insats.title}</span>
                  </label>
                )}
              </For>
            </fieldset>
          </Show>
          <fieldset>
            <legend>{f().outcome.reason}</legend>
            <For each={OUTCOME_REASONS}>
              {(r) => (
                <label class="check">
                  <input type="radio" name="reason" value={r} checked={reason() === r} onChange={() => setReason(r)} />
                  <span>{f().outcome.reasons[r]}</span>
                </label>
              )}
            </For>
          </fieldset>
          <Show when={reason() === 'other'}>
            <label for="reason-text">{f().outcome.reasonText}</label>
            <input id="reason-text" value={reasonText()} onInput={(e) => setReasonText(e.currentTarget.value)} />
          </Show>
          <ErrorText message={problem()} />
          <div class="actions">
            <button type="submit" class="btn btn-primary">
              {f().outcome.confirm}
            </button>
            <button type="button" class="btn" onClick={() => setOpen(false)}>
              {f().outcome.cancel}
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
