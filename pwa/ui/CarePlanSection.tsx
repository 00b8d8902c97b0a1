// The care plan (genomförandeplan) on the read-up page: the current version
// with what is done and how, preferences, days and times; who made it, why,
// whether it is agreed with the recipient and when it is to be followed up;
// earlier versions readable below. The team's schedulers mark a version
// agreed and write a new version (CarePlanEditor, loaded when opened).
import { For, Show, createSignal, lazy, type JSX } from 'solid-js';
import {
  AGREED_HOW,
  brukareDocName,
  carePlanStatus,
  localDate,
  markCarePlanAgreed,
  readCarePlanVersions,
  type AgreedHow,
  type Brukare,
  type CarePlanItem,
  type CarePlanVersionView,
} from '../../domain';
import { useApp } from '../app-context';
import { carePlanSv, type CarePlanStrings } from '../i18n/careplan.sv';
import { useLazyStrings } from '../i18n/lazy-strings';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';

const CarePlanEditor = lazy(() => import('./CarePlanEditor'));

export function useCarePlanStrings(): () => CarePlanStrings {
  return useLazyStrings(carePlanSv, () => import('../i18n/careplan.en').then((m) => m.carePlanEn));
}

function dateOf(instant: string): string {
  return localDate(new Date(instant));
}

function daysText(s: CarePlanStrings, item: CarePlanItem): string {
  const days = [...item.rhythm.weekdays].sort();
  const text = days.length === 7 ? s.everyDay : days.map((d) => s.weekdaysShort[d - 1]).join(', ');
  return item.rhythm.everyOtherWeek ? `${text}, ${s.everyOtherWeek}` : text;
}

/** The items of a version, as everyone reads them. */
export function CarePlanItems(props: { items: readonly CarePlanItem[]; s: CarePlanStrings }): JSX.Element {
  return (
    <dl class="care-plan">
      <For each={props.items}>
        {(item) => (
          <>
            <dt>
              {item.title} ({props.s.window(item.rhythm.windowStart, item.rhythm.windowEnd)})
            </dt>
            <dd>
              <p class="meta">
                {[daysText(props.s, item), props.s.minutes(item.rhythm.minutes), props.s.staff(item.rhythm.staffCount), props.s.areas[item.lifeArea]].filter(Boolean).join(' · ')}
              </p>
              <Show when={item.instructions}>
                <p>{item.instructions}</p>
              </Show>
              <Show when={item.preferences}>
                <p>
                  <strong>{props.s.preferences}:</strong> {item.preferences}
                </p>
              </Show>
            </dd>
          </>
        )}
      </For>
    </dl>
  );
}

function VersionMeta(props: { version: CarePlanVersionView; s: CarePlanStrings; today: string }): JSX.Element {
  const v = () => props.version;
  return (
    <div class="care-plan-meta" data-testid="care-plan-meta" data-version={v().number} data-status={carePlanStatus(v(), props.today)}>
      <p>
        <strong>{props.s.versionLine(v().number, dateOf(v().at), v().byName)}</strong>
      </p>
      <p>{props.s.reasonLine(v().reason)}</p>
      <p>
        {v().agreement
          ? props.s.agreed(props.s.how[v().agreement!.how], dateOf(v().agreement!.at), v().agreement!.byName)
          : props.s.notAgreed}
      </p>
      <p classList={{ 'warn': v().followUpOn < props.today }}>
        {v().followUpOn < props.today ? props.s.followUpDue(v().followUpOn) : props.s.followUpOn(v().followUpOn)}
      </p>
    </div>
  );
}

export function CarePlanSection(props: { brukare: Brukare; canEdit: boolean }): JSX.Element {
  const app = useApp();
  const s = useCarePlanStrings();
  const today = localDate(new Date());
  const versions = createDocView(app.hub, () => [brukareDocName(props.brukare.id)], (docs) => (docs[0] ? readCarePlanVersions(docs[0]) : []));
  const current = () => {
    const all = versions() ?? [];
    return all[all.length - 1];
  };
  const earlier = () => (versions() ?? []).slice(0, -1).reverse();
  const [editing, setEditing] = createSignal(false);
  const [how, setHow] = createSignal<AgreedHow>('in_person');
  const [note, setNote] = createSignal('');
  const [message, setMessage] = createSignal<string | null>(null);

  const agree = async (event: SubmitEvent) => {
    event.preventDefault();
    const v = current();
    const user = app.session()?.user;
    if (!v || !user) return;
    const doc = await app.hub.open(brukareDocName(props.brukare.id));
    markCarePlanAgreed(doc, { versionId: v.id, how: how(), at: new Date().toISOString(), by: user.id, byName: user.name, ...(note().trim() ? { note: note().trim() } : {}) }, LOCAL);
    setNote('');
  };

  return (
    <section aria-labelledby="careplan-title" data-testid="care-plan">
      <h2 id="careplan-title">{s().title}</h2>
      <Show when={current()} fallback={<Show when={props.brukare.carePlan.length > 0} fallback={<p>{s().none}</p>}><p>{s().fromBefore}</p></Show>}>
        {(v) => <VersionMeta version={v()} s={s()} today={today} />}
      </Show>
      <CarePlanItems items={props.brukare.carePlan} s={s()} />
      <p role="status">
        {message() ?? ''}
      </p>

      <Show when={props.canEdit && current() && !current()?.agreement}>
        <form class="panel" onSubmit={(e) => void agree(e)} aria-labelledby="agree-title" data-testid="care-plan-agree">
          <h3 id="agree-title">{s().markAgreed}</h3>
          <fieldset>
            <legend>{s().howLabel}</legend>
            <For each={AGREED_HOW}>
              {(h) => (
                <label class="check">
                  <input type="radio" name="agreed-how" value={h} checked={how() === h} onChange={() => setHow(h)} />
                  <span>{s().how[h]}</span>
                </label>
              )}
            </For>
          </fieldset>
          <label for="agree-note">{s().agreeNote}</label>
          <input id="agree-note" type="text" maxlength={500} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
          <button type="submit" class="btn">
            {s().markAgreed}
          </button>
        </form>
      </Show>

      <Show when={props.canEdit}>
        <Show
          when={editing()}
          fallback={
            <button type="button" class="btn" data-testid="care-plan-edit" onClick={() => (setMessage(null), setEditing(true))}>
              {s().edit}
            </button>
          }
        >
          <CarePlanEditor
            brukare={props.brukare}
            s={s()}
            onDone={(text) => {
              setEditing(false);
              setMessage(text);
            }}
          />
        </Show>
      </Show>

      <Show when={earlier().length > 0}>
        <details class="care-plan-history" data-testid="care-plan-history">
          <summary>{s().history(earlier().length)}</summary>
          <ol reversed>
            <For each={earlier()}>
              {(v) => (
                <li>
                  <VersionMeta version={v} s={s()} today="" />
                  <details>
                    <summary>{s().showItems}</summary>
                    <CarePlanItems items={v.items} s={s()} />
                  </details>
                </li>
              )}
            </For>
          </ol>
        </details>
      </Show>
    </section>
  );
}
