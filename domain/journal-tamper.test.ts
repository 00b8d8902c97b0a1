// A signed journal entry cannot be changed: not through the domain functions,
// and not by a crafted update from another replica. Readers show the signed
// version and flag the tampering.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDraft, readJournalEntry, signEntry, updateDraft } from './doc-layout/journal-doc';

const ENTRY = {
  id: 'j1',
  brukareId: 'norr-b01',
  authorId: 'anna',
  authorName: 'Anna Lindqvist',
  createdAt: '2026-03-02T07:30:00.000Z',
  visitId: 'v-0800',
  text: '',
};

function signedReplicas(): { signer: Y.Doc; attacker: Y.Doc; reader: Y.Doc } {
  const signer = new Y.Doc({ gc: false });
  createDraft(signer, ENTRY);
  updateDraft(signer, 'j1', 'anna', 'Åt hela lunchen.');
  signEntry(signer, 'j1', 'anna', '2026-03-02T07:35:00.000Z');
  const attacker = new Y.Doc({ gc: false });
  const reader = new Y.Doc({ gc: false });
  const state = Y.encodeStateAsUpdate(signer);
  Y.applyUpdate(attacker, state);
  Y.applyUpdate(reader, state);
  return { signer, attacker, reader };
}

function entryMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<Y.Map<unknown>>('entries').get('j1') as Y.Map<unknown>;
}

/** Sends what the attacker did to the reader, as a sync would. */
function deliver(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('signed journal entries', () => {
  it('verify when untouched', () => {
    const { reader } = signedReplicas();
    expect(readJournalEntry(reader, 'j1')).toMatchObject({ status: 'signed', text: 'Åt hela lunchen.', verified: true });
  });

  it('refuse every change through the domain functions', () => {
    const { signer } = signedReplicas();
    expect(updateDraft(signer, 'j1', 'anna', 'Ändrad text')).toMatchObject({ ok: false, error: { code: 'signed' } });
    expect(signEntry(signer, 'j1', 'anna', '2026-03-03T07:35:00.000Z')).toMatchObject({ ok: false, error: { code: 'signed' } });
    expect(readJournalEntry(signer, 'j1')).toMatchObject({ text: 'Åt hela lunchen.', signedAt: '2026-03-02T07:35:00.000Z', verified: true });
  });

  it('show the signed text and flag tampering when a crafted update overwrites it', () => {
    const { attacker, reader } = signedReplicas();
    entryMap(attacker).set('signedText', 'Vägrade äta.');
    deliver(attacker, reader);
    expect(readJournalEntry(reader, 'j1')).toMatchObject({ status: 'signed', text: 'Åt hela lunchen.', verified: false });
  });

  it('flag tampering when the attacker also recomputes a matching hash', () => {
    const { attacker, reader } = signedReplicas();
    const map = entryMap(attacker);
    map.set('signedText', 'Vägrade äta.');
    map.set('signatureHash', 'f'.repeat(64));
    deliver(attacker, reader);
    expect(readJournalEntry(reader, 'j1')).toMatchObject({ text: 'Åt hela lunchen.', verified: false });
  });

  it('keep the entry signed and flagged when a crafted update deletes the signature or reopens it as a draft', () => {
    const { attacker, reader } = signedReplicas();
    const map = entryMap(attacker);
    map.delete('signedText');
    map.set('status', 'draft');
    deliver(attacker, reader);
    expect(readJournalEntry(reader, 'j1')).toMatchObject({ status: 'signed', text: 'Åt hela lunchen.', verified: false });
  });

  it('flag a rewritten author or time of writing and show the original', () => {
    const { attacker, reader } = signedReplicas();
    entryMap(attacker).set('authorId', 'bo');
    deliver(attacker, reader);
    expect(readJournalEntry(reader, 'j1')).toMatchObject({ authorId: 'anna', verified: false });
  });

  it('flag a hash that does not match the signed content', () => {
    const doc = new Y.Doc({ gc: false });
    createDraft(doc, ENTRY);
    updateDraft(doc, 'j1', 'anna', 'Text');
    // A replica that writes all signed fields once, but with a wrong hash.
    entryMap(doc).set('signedText', 'Text');
    entryMap(doc).set('signedAt', '2026-03-02T07:35:00.000Z');
    entryMap(doc).set('signatureHash', '0'.repeat(64));
    entryMap(doc).set('status', 'signed');
    expect(readJournalEntry(doc, 'j1')).toMatchObject({ status: 'signed', verified: false });
  });

  it('keeps a draft editable by keystrokes, each a small change', () => {
    const doc = new Y.Doc({ gc: false });
    createDraft(doc, ENTRY);
    const sizes: number[] = [];
    doc.on('update', (u: Uint8Array) => sizes.push(u.length));
    let text = '';
    for (const ch of 'Personen var glad idag.') {
      text += ch;
      updateDraft(doc, 'j1', 'anna', text);
    }
    updateDraft(doc, 'j1', 'anna', text.slice(0, -1));
    expect(readJournalEntry(doc, 'j1')?.text).toBe('Personen var glad idag');
    expect(Math.max(...sizes)).toBeLessThan(60);
  });
});

describe('signed journal entries replaced or removed as a whole', () => {
  it('show the original and flag it when a forged record with a recomputed hash is set in its place', async () => {
    const { sha256Hex } = await import('./sha256');
    const { signatureContent } = await import('./doc-layout/journal-doc');
    const { attacker, reader } = signedReplicas();
    const forged = new Y.Map<unknown>();
    const fields = { ...ENTRY, text: 'Vägrade äta.', signedAt: '2026-03-02T07:35:00.000Z' };
    attacker.getMap<Y.Map<unknown>>('entries').set('j1', forged);
    for (const [k, v] of Object.entries(ENTRY)) if (k !== 'text') forged.set(k, v);
    forged.set('signedText', fields.text);
    forged.set('signedAt', fields.signedAt);
    forged.set('status', 'signed');
    forged.set('signatureHash', sha256Hex(signatureContent(fields)));
    deliver(attacker, reader);
    expect(readJournalEntry(reader, 'j1')).toMatchObject({ text: 'Åt hela lunchen.', verified: false });
  });

  it('keep listing a deleted signed entry, flagged', async () => {
    const { readJournalEntries } = await import('./doc-layout/journal-doc');
    const { attacker, reader } = signedReplicas();
    attacker.getMap('entries').delete('j1');
    deliver(attacker, reader);
    expect(readJournalEntries(reader).items).toEqual([expect.objectContaining({ id: 'j1', text: 'Åt hela lunchen.', verified: false })]);
  });
});
