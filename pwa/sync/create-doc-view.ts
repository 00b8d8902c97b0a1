// createDocView: a reactive read of one or more device docs. Opens them through
// the hub, recomputes `read` whenever any of them changes (local or remote).
// `read` is told which of the docs changed since its last call (all of them
// the first time), so a view over several docs can keep what it read from the
// others.
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { DocHub } from './doc-hub';

export function createDocView<T>(hub: DocHub, names: Accessor<string[]>, read: (docs: Y.Doc[], changed: ReadonlySet<Y.Doc>) => T): Accessor<T | undefined> {
  const [value, setValue] = createSignal<T | undefined>(undefined);
  createEffect(() => {
    const wanted = names();
    let active = true;
    const cleanups: Array<() => void> = [];
    onCleanup(() => {
      active = false;
      for (const c of cleanups) c();
    });
    Promise.all(wanted.map((n) => hub.open(n)))
      .then((docs) => {
        if (!active) return;
        let changed = new Set<Y.Doc>(docs);
        let scheduled = false;
        const recompute = () => {
          scheduled = false;
          if (!active) return;
          const since = changed;
          changed = new Set();
          setValue(() => read(docs, since));
        };
        for (const doc of docs) {
          const onUpdate = () => {
            changed.add(doc);
            if (scheduled) return;
            scheduled = true;
            queueMicrotask(recompute);
          };
          doc.on('update', onUpdate);
          cleanups.push(() => doc.off('update', onUpdate));
        }
        recompute();
      })
      .catch((err: unknown) => {
        console.error('could not open docs', err);
      });
  });
  return value;
}
