// Writing a new version of the care plan (schedulers): per insats what is done
// and how, preferences, days, time window, length, staff, life area and
// required competences; why the plan changes and when it is to be followed
// up. Saving adds a version (the earlier ones stay) and brings the visits
// already planned on the days to come in line with it (followCarePlans).
// Works offline: it is an edit of the recipient's doc.
import { For, Show, createSignal, type Accessor, type JSX, type Setter } from 'solid-js';
import {
  COMPETENCES,
  CarePlanVersionSchema,
  FOLLOW_UP_INTERVAL_DAYS,
  INSATS_TYPES,
  LIFE_AREAS,
  addDays,
  brukareDocName,
  followCarePlans,
  hasGeneratedVisits,
  localDate,
  newCarePlanItem,
  planDocName,
  readCarePlanVersions,
  saveCarePlanVersion,
  visitsFromCarePlan,
  type Brukare,
  type CarePlanItem,
  type Competence,
  type InsatsType,
  type LifeArea,
} from '../../domain';
import { useApp } from '../app-context';
import type { CarePlanStrings } from '../i18n/careplan.sv';
import { LOCAL } from '../sync/origins';

/** How far ahead saving a version re-plans visits already generated: a scheduler's device holds 14 days ahead. */
const FOLLOW_DAYS_AHEAD = 14;

type Field<T> = [Accessor<T>, Setter<T>];
/** One item being edited; its fields are signals, so typing never re-creates the row (and focus stays). */
type Row = {
  key: number;
  base: CarePlanItem;
  title: Field<string>;
  instructions: Field<string>;
  preferences: Field<string>;
  weekdays: Field<number[]>;
  everyOtherWeek: Field<boolean>;
  windowStart: Field<string>;
  windowEnd: Field<string>;
  minutes: Field<string>;
  staffCount: Field<string>;
  lifeArea: Field<LifeArea>;
  requires: Field<Competence[]>;
};

let nextKey = 0;
function rowOf(item: CarePlanItem): Row {
  return {
    key: nextKey++,
    base: item,
    title: createSignal(item.title),
    instructions: createSignal(item.instructions),
    preferences: createSignal(item.preferences ?? ''),
    weekdays: createSignal([...item.rhythm.weekdays]),
    everyOtherWeek: createSignal(item.rhythm.everyOtherWeek),
    windowStart: createSignal(item.rhythm.windowStart),
    windowEnd: createSignal(item.rhythm.windowEnd),
    minutes: createSignal(String(item.rhythm.minutes)),
    staffCount: createSignal(String(item.rhythm.staffCount)),
    lifeArea: createSignal(item.lifeArea),
    requires: createSignal([...item.requires]),
  };
}

function itemOf(row: Row): CarePlanItem {
  const preferences = row.preferences[0]().trim();
  const { preferences: _old, ...base } = row.base;
  return {
    ...base,
    title: row.title[0]().trim() || row.base.title,
    instructions: row.instructions[0]().trim(),
    ...(preferences ? { preferences } : {}),
    lifeArea: row.lifeArea[0](),
    requires: row.requires[0](),
    rhythm: {
      weekdays: [...row.weekdays[0]()].sort(),
      everyOtherWeek: row.everyOtherWeek[0](),
      windowStart: row.windowStart[0](),
      windowEnd: row.windowEnd[0](),
      minutes: Number(row.minutes[0]()),
      staffCount: Number(row.staffCount[0]()),
    },
  };
}

/** Problems a person can fix, in their words; empty when the version can be saved. */
function problemsOf(s: CarePlanStrings, items: CarePlanItem[], reason: string, followUpOn: string): string[] {
  const out: string[] = [];
  if (items.length === 0) out.push(s.needsItems);
  for (const item of items) {
    if (item.rhythm.weekdays.length === 0) out.push(s.noDays(item.title));
    if (!(item.rhythm.windowEnd > item.rhythm.windowStart)) out.push(s.badWindow(item.title));
    if (!Number.isInteger(item.rhythm.minutes) || item.rhythm.minutes < 5 || item.rhythm.minutes > 480) out.push(s.badMinutes(item.title));
  }
  if (reason.trim() === '') out.push(s.needsReason);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(followUpOn)) out.push(s.badFollowUp);
  return out;
}

export default function CarePlanEditor(props: { brukare: Brukare; s: CarePlanStrings; onDone: (message: string | null) => void }): JSX.Element {
  const app = useApp();
  const s = () => props.s;
  const today = localDate(new Date());
  const [rows, setRows] = createSignal<Row[]>(props.brukare.carePlan.map(rowOf));
  const [newType, setNewType] = createSignal<InsatsType>('morning_help');
  const [reason, setReason] = createSignal('');
  const [followUpOn, setFollowUpOn] = createSignal(addDays(today, FOLLOW_UP_INTERVAL_DAYS));
  const [problems, setProblems] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal(false);

  const addRow = () => setRows([...rows(), rowOf(newCarePlanItem(props.brukare.id, newType(), crypto.randomUUID().slice(0, 8)))]);
  const toggle = <T,>(field: Field<T[]>, value: T, on: boolean) => field[1]((list) => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value)));

  /** Visits already generated on the days to come follow the new version. */
  const followVisits = async (items: CarePlanItem[]): Promise<number> => {
    const recipient: Brukare = { ...props.brukare, carePlan: items };
    let changed = 0;
    for (let d = 1; d <= FOLLOW_DAYS_AHEAD; d++) {
      const date = addDays(today, d);
      const planDoc = await app.hub.open(planDocName(props.brukare.teamId, date));
      if (!hasGeneratedVisits(planDoc)) continue;
      const r = followCarePlans(planDoc, new Map([[props.brukare.id, visitsFromCarePlan(recipient, date)]]), LOCAL);
      changed += r.added.length + r.updated.length + r.removed.length;
    }
    return changed;
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const user = app.session()?.user;
    if (!user || busy()) return;
    const items = rows().map(itemOf);
    const found = problemsOf(s(), items, reason(), followUpOn());
    setProblems(found);
    if (found.length > 0) return;
    const version = { id: crypto.randomUUID(), at: new Date().toISOString(), by: user.id, byName: user.name, reason: reason().trim(), items, followUpOn: followUpOn() };
    const checked = CarePlanVersionSchema.safeParse(version);
    if (!checked.success) return setProblems(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    setBusy(true);
    try {
      const doc = await app.hub.open(brukareDocName(props.brukare.id));
      saveCarePlanVersion(doc, checked.data, LOCAL);
      const number = readCarePlanVersions(doc).findIndex((v) => v.id === version.id) + 1;
      // Only in sync, as generation on the week view: a visit added here and, unseen, on another
      // device would be two concurrent Y.Maps at one key, and Yjs keeps only one of them.
      const synced = app.status.online() && app.status.docCount() > 0 && app.status.syncedDocs() >= app.status.docCount() - app.status.refusedDocs().length;
      const followed = synced ? await followVisits(items) : 0;
      props.onDone([s().saved(number), !synced ? s().followLater : followed > 0 ? s().followed(followed) : ''].filter(Boolean).join(' '));
    } catch (err) {
      app.reportError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel care-plan-editor" onSubmit={(e) => void save(e)} aria-labelledby="care-plan-editor-title" data-testid="care-plan-editor" novalidate>
      <h3 id="care-plan-editor-title">{s().editTitle}</h3>
      <p>{s().editIntro}</p>
      <For each={rows()}>
        {(row, i) => {
          const id = (name: string) => `cp-${row.key}-${name}`;
          return (
            <fieldset class="care-plan-item" data-testid="care-plan-item">
              <legend>{s().item(i() + 1, row.title[0]() || s().types[row.base.type])}</legend>
              <label for={id('title')}>{s().itemTitle}</label>
              <input id={id('title')} type="text" maxlength={120} value={row.title[0]()} onInput={(e) => row.title[1](e.currentTarget.value)} />
              <label for={id('instructions')}>{s().instructions}</label>
              <textarea id={id('instructions')} rows={3} maxlength={2000} value={row.instructions[0]()} onInput={(e) => row.instructions[1](e.currentTarget.value)} />
              <label for={id('preferences')}>{s().itemPreferences}</label>
              <textarea id={id('preferences')} rows={2} maxlength={1000} value={row.preferences[0]()} onInput={(e) => row.preferences[1](e.currentTarget.value)} />
              <fieldset class="weekday-picker">
                <legend>{s().days}</legend>
                <For each={[1, 2, 3, 4, 5, 6, 7]}>
                  {(day) => (
                    <label class="check">
                      <input type="checkbox" checked={row.weekdays[0]().includes(day)} onChange={(e) => toggle(row.weekdays, day, e.currentTarget.checked)} aria-label={s().weekdaysLong[day - 1]} />
                      <span aria-hidden="true">{s().weekdaysShort[day - 1]}</span>
                    </label>
                  )}
                </For>
                <label class="check">
                  <input type="checkbox" checked={row.everyOtherWeek[0]()} onChange={(e) => row.everyOtherWeek[1](e.currentTarget.checked)} />
                  <span>{s().everyOtherWeek}</span>
                </label>
              </fieldset>
              <div class="form-row">
                <span>
                  <label for={id('start')}>{s().windowStart}</label>
                  <input id={id('start')} type="time" value={row.windowStart[0]()} onInput={(e) => row.windowStart[1](e.currentTarget.value)} />
                </span>
                <span>
                  <label for={id('end')}>{s().windowEnd}</label>
                  <input id={id('end')} type="time" value={row.windowEnd[0]()} onInput={(e) => row.windowEnd[1](e.currentTarget.value)} />
                </span>
                <span>
                  <label for={id('minutes')}>{s().itemMinutes}</label>
                  <input id={id('minutes')} type="number" inputmode="numeric" min={5} max={480} step={5} value={row.minutes[0]()} onInput={(e) => row.minutes[1](e.currentTarget.value)} />
                </span>
                <span>
                  <label for={id('staff')}>{s().staffCount}</label>
                  <select id={id('staff')} onChange={(e) => row.staffCount[1](e.currentTarget.value)}>
                    <For each={['1', '2', '3']}>{(n) => <option value={n} selected={row.staffCount[0]() === n}>{n}</option>}</For>
                  </select>
                </span>
              </div>
              <label for={id('area')}>{s().lifeArea}</label>
              <select id={id('area')} onChange={(e) => row.lifeArea[1](e.currentTarget.value as LifeArea)}>
                <For each={LIFE_AREAS}>{(a) => <option value={a} selected={row.lifeArea[0]() === a}>{s().areas[a]}</option>}</For>
              </select>
              <fieldset>
                <legend>{s().requires}</legend>
                <For each={COMPETENCES}>
                  {(c) => (
                    <label class="check">
                      <input type="checkbox" checked={row.requires[0]().includes(c)} onChange={(e) => toggle(row.requires, c, e.currentTarget.checked)} />
                      <span>{s().competences[c]}</span>
                    </label>
                  )}
                </For>
              </fieldset>
              <button type="button" class="btn btn-quiet" onClick={() => setRows(rows().filter((r) => r !== row))}>
                {s().remove(row.title[0]() || s().types[row.base.type])}
              </button>
            </fieldset>
          );
        }}
      </For>
      <div class="form-row">
        <span>
          <label for="cp-new-type">{s().type}</label>
          <select id="cp-new-type" onChange={(e) => setNewType(e.currentTarget.value as InsatsType)}>
            <For each={INSATS_TYPES.filter((t) => t !== 'alarm_callout')}>{(t) => <option value={t} selected={newType() === t}>{s().types[t]}</option>}</For>
          </select>
        </span>
        <button type="button" class="btn" onClick={addRow}>
          {s().add}
        </button>
      </div>
      <label for="cp-reason">{s().reason}</label>
      <input id="cp-reason" type="text" required maxlength={500} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={problems().includes(s().needsReason)} />
      <label for="cp-follow-up">{s().followUp}</label>
      <input id="cp-follow-up" type="date" required min={today} value={followUpOn()} onInput={(e) => setFollowUpOn(e.currentTarget.value)} />
      <Show when={problems().length > 0}>
        <div role="alert" class="error" data-testid="care-plan-problems">
          <p>{s().invalid}</p>
          <ul>
            <For each={problems()}>{(p) => <li>{p}</li>}</For>
          </ul>
        </div>
      </Show>
      <div class="form-row">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {s().save}
        </button>
        <button type="button" class="btn btn-quiet" onClick={() => props.onDone(null)}>
          {s().cancel}
        </button>
      </div>
    </form>
  );
}
