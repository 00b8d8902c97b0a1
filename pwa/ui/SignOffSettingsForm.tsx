// How a recipient signs off visits: shown to everyone on the read-up page,
// changed by the team's schedulers (they write the recipient's record). The
// sign-off language follows the recipient's preferred language.
import { For, Show, type JSX } from 'solid-js';
import { DEFAULT_SIGN_OFF_SETTINGS, SIGN_OFF_LANGUAGES, brukareDocName, signOffLanguage, writeBrukare, type Brukare, type SignOffSettings } from '../../domain';
import { useApp } from '../app-context';
import { useFieldStrings } from '../i18n/field';
import { LOCAL } from '../sync/origins';

const FLAGS = ['digital', 'pictograms', 'readAloud', 'largeText'] as const;

export function SignOffSettingsForm(props: { brukare: Brukare; canEdit: boolean }): JSX.Element {
  const app = useApp();
  const fs = useFieldStrings();
  const settings = () => props.brukare.signOff ?? DEFAULT_SIGN_OFF_SETTINGS;
  const save = (change: Partial<SignOffSettings> & { language?: string }) => {
    const { language, ...flags } = change;
    void app.hub.open(brukareDocName(props.brukare.id)).then((doc) =>
      writeBrukare(doc, { ...props.brukare, ...(language ? { language } : {}), signOff: { ...settings(), ...flags } }, LOCAL),
    );
  };
  return (
    <section aria-labelledby="sign-off-settings-title" data-testid="sign-off-settings">
      <h2 id="sign-off-settings-title">{fs().signOff.settingsTitle}</h2>
      <Show
        when={props.canEdit}
        fallback={
          <p>
            {settings().digital ? fs().signOff.settingsSummary(fs().signOff.languages[signOffLanguage(props.brukare.language)]) : fs().signOff.notDigital}
          </p>
        }
      >
        <label for="sign-off-language">{fs().signOff.language}</label>
        <select id="sign-off-language" onChange={(e) => save({ language: e.currentTarget.value })}>
          <For each={SIGN_OFF_LANGUAGES}>
            {(l) => (
              <option value={l} selected={signOffLanguage(props.brukare.language) === l}>
                {fs().signOff.languages[l]}
              </option>
            )}
          </For>
        </select>
        <For each={FLAGS}>
          {(flag) => (
            <label class="check">
              <input type="checkbox" checked={settings()[flag]} disabled={flag !== 'digital' && !settings().digital} onChange={(e) => save({ [flag]: e.currentTarget.checked })} />
              <span>{fs().signOff.flags[flag]}</span>
            </label>
          )}
        </For>
      </Show>
    </section>
  );
}
