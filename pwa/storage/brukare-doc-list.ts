// The recipients' docs this device holds (from the server's doc list): what
// the planning views read to go over all of a team's recipients. Apart from
// meta-repo.ts, which is on the start-up path, since only lazy pages need it.
import { parseDocName } from '../../domain';
import type { SlingaDb } from './db';
import { loadDocList } from './meta-repo';

/** The `brukare:<id>` doc names in the device's doc list, sorted. */
export async function loadBrukareDocNames(db: SlingaDb): Promise<string[]> {
  return ((await loadDocList(db))?.docs ?? []).filter((n) => parseDocName(n)?.kind === 'brukare').sort();
}
