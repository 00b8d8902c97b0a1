// A signed journal entry cannot be changed in the UI, and a crafted document
// update from another device that rewrites it is caught: the reader still
// shows the signed text and flags the entry.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { journalDocName, localDate, monthOf } from '../../domain';
import { login } from '../fixtures/server';
import { connectProvider, waitFor, waitSynced } from '../integration/helpers';
import { newDevice, signIn, useServerAndBrowser, waitUntilNothingPending, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();

describe('a signed journal entry', () => {
  it('cannot be edited in the UI, and a crafted rewrite is shown as the signed text with a warning', async () => {
    const anna = await newDevice(env.browser());
    await signIn(anna.page, env.server().url, 'anna');
    await waitUntilSynced(anna.page);
    const card = anna.page.getByTestId('visit-card').first();
    const visitId = await card.getAttribute('data-visit-id');
    await card.locator('a').click();
    const note = 'Personen åt hela frukosten och var pigg.';
    await anna.page.getByTestId('journal-text').fill(note);
    await anna.page.getByTestId('draft-saved').waitFor();
    await anna.page.getByRole('button', { name: 'Signera' }).click();
    const signed = anna.page.locator('[data-testid=journal-entry].signed', { hasText: note });
    await signed.waitFor();
    // After signing, the editor is empty again: the signed entry is not editable there.
    expect(await anna.page.getByTestId('journal-text').inputValue()).toBe('');
    await waitUntilNothingPending(anna.page);

    // Bo's device (a team member with write access to the journal doc) crafts a rewrite.
    const { token } = await login(env.server().url, 'bo');
    const brukareId = visitId?.replace(/-\d{4}-\d{2}-\d{2}-\d{4}$/, '') ?? '';
    const bo = connectProvider(env.server(), journalDocName(brukareId, monthOf(localDate(new Date()))), token, { doc: new Y.Doc({ gc: false }) });
    await waitSynced(bo);
    const entries = bo.doc.getMap<Y.Map<unknown>>('entries');
    let rewritten = false;
    entries.forEach((entry) => {
      if (entry.get('signedText') === note) {
        entry.set('signedText', 'Personen vägrade all mat.');
        rewritten = true;
      }
    });
    expect(rewritten).toBe(true);
    await waitFor(() => bo.provider.synced, 'the rewrite to be sent');

    await anna.page.getByTestId('tampered').waitFor({ timeout: 10_000 });
    expect(await signed.count()).toBe(1);
    expect(await anna.page.getByText('Personen vägrade all mat.').count()).toBe(0);
    bo.destroy();
    expect(anna.errors).toEqual([]);
  });
});
