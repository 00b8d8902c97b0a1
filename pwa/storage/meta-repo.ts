// Small typed settings and sync bookkeeping kept on the device.
import { z } from 'zod/mini';
import type { SlingaDb } from './db';

const DocListSchema = z.object({ docs: z.array(z.string()), fetchedAt: z.string() });
export type DocList = z.infer<typeof DocListSchema>;

export async function loadDocList(db: SlingaDb): Promise<DocList | null> {
  const row = await db.meta.get('docList');
  const parsed = DocListSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveDocList(db: SlingaDb, list: DocList): Promise<void> {
  await db.meta.put({ key: 'docList', value: list });
}

export async function loadLastSynced(db: SlingaDb): Promise<string | null> {
  const row = await db.meta.get('lastSyncedAt');
  const parsed = z.string().safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveLastSynced(db: SlingaDb, at: string): Promise<void> {
  await db.meta.put({ key: 'lastSyncedAt', value: at });
}

const LocaleSchema = z.enum(['sv', 'en']);
export async function loadLocale(db: SlingaDb): Promise<'sv' | 'en' | null> {
  const parsed = LocaleSchema.safeParse((await db.meta.get('locale'))?.value);
  return parsed.success ? parsed.data : null;
}
export async function saveLocale(db: SlingaDb, locale: 'sv' | 'en'): Promise<void> {
  await db.meta.put({ key: 'locale', value: locale });
}
