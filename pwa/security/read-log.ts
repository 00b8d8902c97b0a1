// Reads of a recipient's record are logged: a page that shows the record
// calls this once it has it (offline too; the device uploads the log later).
import { createEffect } from 'solid-js';
import type { AppServices } from '../app-context';

/** Records "opened" once per recipient shown by this page. */
export function logRecipientOpened(app: Pick<AppServices, 'recordRead'>, brukareId: () => string | undefined): void {
  let logged: string | undefined;
  createEffect(() => {
    const id = brukareId();
    if (!id || id === logged) return;
    logged = id;
    app.recordRead('recipient_opened', id);
  });
}
