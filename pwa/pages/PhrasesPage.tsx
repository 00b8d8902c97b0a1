// The team's ready-made phrases for journal notes: anyone in the team can add,
// change or remove them. Plain, factual Swedish that the recipient can read.
import { For, Show, createSignal, type JSX } from 'solid-js';
import { LIFE_AREAS, phrasesDocName, readPhrases, removePhrase, savePhrase, type LifeArea } from '../../domain';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { useFieldStrings } from '../i18n/field';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';
import { ErrorText } from '../ui/ErrorText';

export default function PhrasesPage(): JSX.Element {
  const app = useApp();
  const { t } = useI18n();
  const f = useFieldStrings();
  const teamId = () => app.session()?.user.teamIds[0];
  const phrases = createDocView(app.hub, () => (teamId() ? [phrasesDocName(teamId() ?? '')] : []), (docs) => ({ doc: docs[0], list: docs[0] ? readPhrases(docs[0]) : [] }));
  const [text, setText] = createSignal('');
  const [area, setArea] = createSignal<LifeArea | ''>('');
  const [error, setError] = createSignal<string | null>(null);

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const doc = phrases()?.doc;
    if (!doc || text().trim() === '') return;
    const r = savePhrase(doc, { id: crypto.randomUUID(), text: text().trim(), ...(area() ? { lifeArea: area() as LifeArea } : {}) }, LOCAL);
    if (r.ok) {
      setText('');
      setError(null);
    } else setError(t().errors.notSaved);
  };

  return (
    <article aria-labelledby="phrases-title">
      <h1 id="phrases-title">{f().journal.phrases}</h1>
      <ul class="journal-list">
        <For each={phrases()?.list ?? []}>
          {(phrase) => (
            <li class="journal-entry" data-testid="phrase">
              <p class="text">{phrase.text}</p>
              <Show when={phrase.lifeArea}>{(a) => <p class="meta">{f().journal.areas[a()]}</p>}</Show>
              <button type="button" class="btn btn-quiet" onClick={() => { const doc = phrases()?.doc; if (doc) removePhrase(doc, phrase.id, LOCAL); }}>
                {f().journal.removePhrase}
              </button>
            </li>
          )}
        </For>
      </ul>
      <form class="panel" onSubmit={add}>
        <label for="phrase-text">{f().journal.newPhrase}</label>
        <input id="phrase-text" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        <label for="phrase-area">{f().journal.filter}</label>
        <select id="phrase-area" value={area()} onChange={(e) => setArea(e.currentTarget.value as LifeArea | '')}>
          <option value="">{f().journal.all}</option>
          <For each={LIFE_AREAS}>{(a) => <option value={a}>{f().journal.areas[a]}</option>}</For>
        </select>
        <ErrorText message={error()} />
        <button type="submit" class="btn" disabled={text().trim() === ''}>
          {f().journal.addPhrase}
        </button>
      </form>
    </article>
  );
}
