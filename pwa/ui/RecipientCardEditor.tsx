// The scheduler's editor of the recipient's card: contact details, key and
// door info (behind its own reveal, which is logged like DoorInfo's),
// allergies and risks, language and communication needs, the kontaktman from
// the team's staff, relatives with their roles and who is who. Saving is a
// local edit of the brukare doc (offline too) that writes only the fields
// changed here, so a field changed meanwhile on another device keeps its value,
// and records who changed them (writeCardFields).
import { For, Show, createSignal, onMount, type Accessor, type JSX, type Setter } from 'solid-js';
import {
  CONTACT_ROLES,
  WHO_IS_WHO_ROLES,
  brukareDocName,
  writeCardFields,
  type Brukare,
  type CardFields,
  type Contact,
  type ContactRole,
  type WhoIsWho,
} from '../../domain';
import { useApp } from '../app-context';
import type { CardStrings } from '../i18n/card.sv';
import type { TeamStaff } from '../storage/staff-repo';
import { LOCAL } from '../sync/origins';
import { ErrorText } from './ErrorText';

type Field<T> = [Accessor<T>, Setter<T>];
/** A row's fields are signals, so typing never re-creates the row (and focus stays). */
type ContactRow = { key: number; name: Field<string>; relation: Field<string>; phone: Field<string>; roles: Field<ContactRole[]> };
type PersonRow = { key: number; role: Field<WhoIsWho['role']>; name: Field<string>; phone: Field<string>; detail: Field<string> };

let nextKey = 0;
const contactRow = (c?: Contact): ContactRow => ({
  key: nextKey++,
  name: createSignal(c?.name ?? ''),
  relation: createSignal(c?.relation ?? ''),
  phone: createSignal(c?.phone ?? ''),
  roles: createSignal<ContactRole[]>(c?.roles ?? []),
});
const personRow = (p?: WhoIsWho): PersonRow => ({
  key: nextKey++,
  role: createSignal<WhoIsWho['role']>(p?.role ?? 'district_nurse'),
  name: createSignal(p?.name ?? ''),
  phone: createSignal(p?.phone ?? ''),
  detail: createSignal(p?.detail ?? ''),
});
const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

export function RecipientCardEditor(props: { brukare: Brukare; strings: Accessor<CardStrings>; staff: Accessor<TeamStaff>; onDone(message: string | null): void }): JSX.Element {
  const app = useApp();
  const s = () => props.strings();
  const b = props.brukare; // the card as it was when editing began
  const [phone, setPhone] = createSignal(b.phone);
  const [address, setAddress] = createSignal(b.address);
  const [keyShown, setKeyShown] = createSignal(false);
  const [keyInfo, setKeyInfo] = createSignal(b.keyInfo);
  const [allergies, setAllergies] = createSignal(b.allergies.join('\n'));
  const [risks, setRisks] = createSignal(b.risks.join('\n'));
  const [language, setLanguage] = createSignal(b.language);
  const [needs, setNeeds] = createSignal(b.communicationNeeds.join('\n'));
  const [kontaktman, setKontaktman] = createSignal(b.kontaktmanId ?? '');
  const [contacts, setContacts] = createSignal(b.contacts.map(contactRow));
  const [people, setPeople] = createSignal((b.whoIsWho ?? []).map(personRow));
  const [error, setError] = createSignal<string | null>(null);
  let heading: HTMLHeadingElement | undefined;
  let keyArea: HTMLTextAreaElement | undefined;
  onMount(() => heading?.focus());

  /** What the form holds, in the profile's shape; rows left entirely empty are dropped. */
  const collect = (): { fields: CardFields; problems: string[] } => {
    const problems: string[] = [];
    const contactList = contacts().flatMap((r, i) => {
      const [name, relation, tel] = [r.name[0]().trim(), r.relation[0]().trim(), r.phone[0]().trim()];
      if (!name && !relation && !tel) return [];
      if (!name) problems.push(s().contactNeedsName(i + 1));
      const roles = CONTACT_ROLES.filter((role) => r.roles[0]().includes(role));
      return [{ name, relation, phone: tel, ...(roles.length > 0 ? { roles } : {}) }];
    });
    const whoIsWho = people().flatMap((r, i) => {
      const [name, tel, detail] = [r.name[0]().trim(), r.phone[0]().trim(), r.detail[0]().trim()];
      if (!name && !tel && !detail) return [];
      if (!name) problems.push(s().personNeedsName(i + 1));
      return [{ role: r.role[0](), name, ...(tel ? { phone: tel } : {}), ...(detail ? { detail } : {}) }];
    });
    if (address().trim() === '') problems.push(s().needsAddress);
    const lang = language().trim();
    if (lang.length < 2 || lang.length > 12) problems.push(s().needsLanguage);
    const fields: CardFields = {
      phone: phone().trim(),
      address: address().trim(),
      language: lang,
      communicationNeeds: lines(needs()),
      allergies: lines(allergies()),
      risks: lines(risks()),
      kontaktmanId: kontaktman() || undefined,
      contacts: contactList,
      whoIsWho,
      // The key info is written only if it was shown (and so could be edited).
      ...(keyShown() ? { keyInfo: keyInfo().trim() } : {}),
    };
    return { fields, problems };
  };
  const base = collect().fields;

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const { fields, problems } = collect();
    if (problems.length > 0) return setError(problems.join(' '));
    const user = app.session()?.user;
    if (!user) return;
    const changed = Object.fromEntries(
      Object.entries(fields).filter(([key, value]) => key === 'keyInfo' ? value !== b.keyInfo : JSON.stringify(value) !== JSON.stringify(base[key as keyof CardFields])),
    ) as CardFields;
    try {
      const doc = await app.hub.open(brukareDocName(b.id));
      const result = writeCardFields(doc, changed, { by: user.id, byName: user.name, at: new Date().toISOString() }, LOCAL);
      if (!result.ok) return setError(`${s().notSaved} ${result.error}`);
      props.onDone(result.value.length > 0 ? s().saved : s().nothingChanged);
    } catch (err) {
      app.reportError(err);
      setError(s().notSaved);
    }
  };
  const revealKey = () => {
    // Every view of key and door info goes into the audit log.
    app.recordRead('door_info_revealed', b.id);
    setKeyShown(true);
    queueMicrotask(() => keyArea?.focus());
  };
  const caregivers = () => props.staff().filter((m) => m.role === 'caregiver').sort((x, y) => x.name.localeCompare(y.name, 'sv'));

  return (
    <form onSubmit={save} novalidate class="panel" aria-labelledby="card-edit-title" data-testid="card-editor">
      <h3 id="card-edit-title" tabindex="-1" ref={heading}>
        {s().editTitle}
      </h3>
      <fieldset>
        <legend>{s().contactDetails}</legend>
        <label for="card-phone">{s().phone}</label>
        <input id="card-phone" type="tel" autocomplete="off" value={phone()} onInput={(e) => setPhone(e.currentTarget.value)} />
        <label for="card-address">{s().address}</label>
        <input id="card-address" autocomplete="off" value={address()} onInput={(e) => setAddress(e.currentTarget.value)} />
      </fieldset>

      <fieldset>
        <legend>{s().door}</legend>
        <Show
          when={keyShown()}
          fallback={
            <div>
              <button type="button" class="btn" onClick={revealKey}>
                {s().showKeyInfo}
              </button>
            </div>
          }
        >
          <label for="card-key">{s().keyInfo}</label>
          <textarea id="card-key" ref={keyArea} rows={2} value={keyInfo()} onInput={(e) => setKeyInfo(e.currentTarget.value)} />
        </Show>
        <label for="card-allergies">{s().allergies}</label>
        <textarea id="card-allergies" rows={3} value={allergies()} onInput={(e) => setAllergies(e.currentTarget.value)} />
        <label for="card-risks">{s().risks}</label>
        <textarea id="card-risks" rows={3} value={risks()} onInput={(e) => setRisks(e.currentTarget.value)} />
      </fieldset>

      <fieldset>
        <legend>{s().communicationNeeds}</legend>
        <label for="card-language">{s().language}</label>
        <input id="card-language" autocomplete="off" aria-describedby="card-language-hint" value={language()} onInput={(e) => setLanguage(e.currentTarget.value)} />
        <p class="note" id="card-language-hint">
          {s().languageHint}
        </p>
        <label for="card-needs">{s().communicationList}</label>
        <textarea id="card-needs" rows={3} value={needs()} onInput={(e) => setNeeds(e.currentTarget.value)} />
        <p class="note">{s().signOffLink}</p>
      </fieldset>

      <label for="card-kontaktman">{s().kontaktman}</label>
      <div>
        <select id="card-kontaktman" onChange={(e) => setKontaktman(e.currentTarget.value)}>
          <option value="" selected={kontaktman() === ''}>
            {s().noKontaktman}
          </option>
          <Show when={kontaktman() !== '' && !caregivers().some((m) => m.id === kontaktman())}>
            <option value={kontaktman()} selected>
              {s().unknownStaff}
            </option>
          </Show>
          <For each={caregivers()}>
            {(m) => (
              <option value={m.id} selected={kontaktman() === m.id}>
                {m.name}
              </option>
            )}
          </For>
        </select>
      </div>

      <fieldset>
        <legend>{s().contacts}</legend>
        <For each={contacts()}>
          {(row, index) => (
            <fieldset data-testid="card-contact-row">
              <legend>{s().contact(index() + 1)}</legend>
              <label for={`contact-name-${row.key}`}>{s().name}</label>
              <input id={`contact-name-${row.key}`} autocomplete="off" value={row.name[0]()} onInput={(e) => row.name[1](e.currentTarget.value)} />
              <label for={`contact-relation-${row.key}`}>{s().relation}</label>
              <input id={`contact-relation-${row.key}`} autocomplete="off" value={row.relation[0]()} onInput={(e) => row.relation[1](e.currentTarget.value)} />
              <label for={`contact-phone-${row.key}`}>{s().phone}</label>
              <input id={`contact-phone-${row.key}`} type="tel" autocomplete="off" value={row.phone[0]()} onInput={(e) => row.phone[1](e.currentTarget.value)} />
              <fieldset>
                <legend>{s().roles}</legend>
                <For each={CONTACT_ROLES}>
                  {(role) => (
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={row.roles[0]().includes(role)}
                        onChange={(e) => row.roles[1](e.currentTarget.checked ? [...row.roles[0](), role] : row.roles[0]().filter((r) => r !== role))}
                      />
                      <span>{s().contactRoles[role]}</span>
                    </label>
                  )}
                </For>
              </fieldset>
              <button type="button" class="btn btn-quiet" onClick={() => setContacts(contacts().filter((r) => r !== row))}>
                {s().removeContact(index() + 1)}
              </button>
            </fieldset>
          )}
        </For>
        <button type="button" class="btn" onClick={() => setContacts([...contacts(), contactRow()])}>
          {s().addContact}
        </button>
      </fieldset>

      <fieldset>
        <legend>{s().whoIsWho}</legend>
        <For each={people()}>
          {(row, index) => (
            <fieldset data-testid="card-person-row">
              <legend>{s().person(index() + 1)}</legend>
              <label for={`person-role-${row.key}`}>{s().role}</label>
              <div>
                <select id={`person-role-${row.key}`} onChange={(e) => row.role[1](e.currentTarget.value as WhoIsWho['role'])}>
                  <For each={WHO_IS_WHO_ROLES}>
                    {(role) => (
                      <option value={role} selected={row.role[0]() === role}>
                        {s().whoIsWhoRoles[role]}
                      </option>
                    )}
                  </For>
                </select>
              </div>
              <label for={`person-name-${row.key}`}>{s().name}</label>
              <input id={`person-name-${row.key}`} autocomplete="off" value={row.name[0]()} onInput={(e) => row.name[1](e.currentTarget.value)} />
              <label for={`person-phone-${row.key}`}>{s().phoneOptional}</label>
              <input id={`person-phone-${row.key}`} type="tel" autocomplete="off" value={row.phone[0]()} onInput={(e) => row.phone[1](e.currentTarget.value)} />
              <label for={`person-detail-${row.key}`}>{s().detail}</label>
              <input id={`person-detail-${row.key}`} autocomplete="off" value={row.detail[0]()} onInput={(e) => row.detail[1](e.currentTarget.value)} />
              <button type="button" class="btn btn-quiet" onClick={() => setPeople(people().filter((r) => r !== row))}>
                {s().removePerson(index() + 1)}
              </button>
            </fieldset>
          )}
        </For>
        <button type="button" class="btn" onClick={() => setPeople([...people(), personRow()])}>
          {s().addPerson}
        </button>
      </fieldset>

      <ErrorText message={error()} />
      <div class="actions">
        <button type="submit" class="btn btn-primary">
          {s().save}
        </button>
        <button type="button" class="btn" onClick={() => props.onDone(null)}>
          {s().cancel}
        </button>
      </div>
    </form>
  );
}
