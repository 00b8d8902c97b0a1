// A synchronous backup of the draft being typed. IndexedDB writes are
// asynchronous: a tab killed a moment after a keystroke (a phone freezing a
// background tab) can lose the last words before y-dexie has stored them.
// localStorage is written synchronously, so each keystroke is also put there
// and removed again once IndexedDB has the same text. On the next open the
// draft is restored from it when IndexedDB lost the end.
import { z } from 'zod/mini';

const PREFIX = 'slinga:draft:';
const BackupSchema = z.object({ text: z.string(), at: z.string() });

function key(userId: string, visitId: string): string {
  return `${PREFIX}${userId}:${visitId}`;
}

export function backupDraft(userId: string, visitId: string, text: string): void {
  try {
    localStorage.setItem(key(userId, visitId), JSON.stringify({ text, at: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: IndexedDB still gets the draft.
  }
}

export function readDraftBackup(userId: string, visitId: string): string | null {
  try {
    const raw = localStorage.getItem(key(userId, visitId));
    if (raw === null) return null;
    const parsed = BackupSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.text : null;
  } catch {
    return null;
  }
}

/** Drops the backup if it holds exactly `savedText` (a newer keystroke keeps it). */
export function clearDraftBackup(userId: string, visitId: string, savedText: string): void {
  if (readDraftBackup(userId, visitId) === savedText) localStorage.removeItem(key(userId, visitId));
}

/** Removes every draft backup (signing out wipes the device). */
export function clearAllDraftBackups(): void {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const k = localStorage.key(i);
    if (k?.startsWith(PREFIX)) localStorage.removeItem(k);
  }
}
