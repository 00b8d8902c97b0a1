// The handle benchmarks (bench/) drive the real stack through: installed only
// when explicitly enabled on the device (localStorage "slinga:bench" = "1"),
// and loaded only then, so that neither it nor the journal code it reaches is
// part of the start-up bundle. It gives nothing DevTools would not.
import { parseDocName } from '../domain';
import { createDraft } from '../domain/doc-layout/journal-doc';
import { setTaskDone } from '../domain/doc-layout/exec-write';
import type { SlingaDb } from './storage/db';
import { loadDocList } from './storage/meta-repo';
import type { DocHub } from './sync/doc-hub';
import { LOCAL } from './sync/origins';
import type { SyncStatus } from './sync/sync-status';

export function installBenchHandle(hub: DocHub, status: SyncStatus, db: SlingaDb): void {
  const domain = { createDraft, parseDocName, setTaskDone };
  const docNames = async () => (await loadDocList(db))?.docs ?? [];
  Object.assign(window, { slingaBench: { hub, status, domain, LOCAL, docNames } });
}
