// The recipient's name and address from a brukare doc, for day lists: read
// without the full profile schema, so that "Min dag" does not load it on a
// cold start. Both fields are validated (non-empty strings); anything else is
// "not readable" and the list shows a placeholder.
import type * as Y from 'yjs';

export function readBrukareSummary(doc: Y.Doc): { id: string; name: string; address: string } | null {
  const profile = doc.getMap<unknown>('profile');
  const id = profile.get('id');
  const name = profile.get('name');
  const address = profile.get('address');
  const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  return text(id) && text(name) && text(address) ? { id, name, address } : null;
}
