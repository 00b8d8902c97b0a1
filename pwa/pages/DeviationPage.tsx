// Report a deviation (avvikelse) from a visit or a recipient: category, what
// happened, what was done right away. It lands in the team's schedulers' inbox.
import { useSearchParams } from '@solidjs/router';
import { For, Show, createSignal, type JSX } from 'solid-js';
import { DEVIATION_CATEGORIES, deviationsDocName, localDate, monthOf, reportDeviation, type DeviationCategory } from '../../domain';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { useFieldStrings } from '../i18n/field';
import { LOCAL } from '../sync/origins';
import { ErrorText } from '../ui/ErrorText';

export default function DeviationPage(): JSX.Element {
  const app = useApp();
  const { t } = useI18n();
  const f = useFieldStrings();
  const [params] = useSearchParams<{ brukare?: string; besok?: string; team?: string }>();
  const [category, setCategory] = createSignal<DeviationCategory>('missed_or_late');
  const [what, setWhat] = createSignal('');
  const [action, setAction] = createSignal('');
  const [sent, setSent] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const u = app.session()?.user;
    const teamId = params.team ?? u?.teamIds[0];
    if (!u || !teamId || !params.brukare) return;
    if (what().trim() === '') return setError(f().deviation.whatHappened);
    const doc = await app.hub.open(deviationsDocName(teamId, monthOf(localDate(new Date()))));
    const r = reportDeviation(
      doc,
      {
        id: crypto.randomUUID(),
        teamId,
        category: category(),
        brukareId: params.brukare,
        ...(params.besok ? { visitId: params.besok } : {}),
        whatHappened: what().trim(),
        actionTaken: action().trim(),
        reportedBy: u.id,
        reportedByName: u.name,
        at: new Date().toISOString(),
      },
      LOCAL,
    );
    if (r.ok) setSent(true);
    else setError(t().errors.notSaved);
  };

  return (
    <article aria-labelledby="deviation-title">
      <button type="button" class="btn btn-quiet back-link" onClick={() => history.back()}>
        ‹ {f().visit.back}
      </button>
      <h1 id="deviation-title">{f().deviation.title}</h1>
      <Show
        when={!sent()}
        fallback={
          <p class="ok" role="status" data-testid="deviation-sent">
            {f().deviation.sent}
          </p>
        }
      >
        <form onSubmit={submit} class="panel">
          <fieldset>
            <legend>{f().deviation.category}</legend>
            <For each={DEVIATION_CATEGORIES}>
              {(c) => (
                <label class="check">
                  <input type="radio" name="category" checked={category() === c} onChange={() => setCategory(c)} />
                  <span>{f().deviation.categories[c]}</span>
                </label>
              )}
            </For>
          </fieldset>
          <label for="what">{f().deviation.whatHappened}</label>
          <textarea id="what" rows={4} value={what()} onInput={(e) => setWhat(e.currentTarget.value)} required />
          <label for="action">{f().deviation.actionTaken}</label>
          <textarea id="action" rows={3} value={action()} onInput={(e) => setAction(e.currentTarget.value)} />
          <ErrorText message={error()} />
          <button type="submit" class="btn btn-primary">
            {f().deviation.send}
          </button>
        </form>
      </Show>
    </article>
  );
}
