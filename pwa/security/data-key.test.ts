// Sealing document rows: a sealed value opens only with its key, any change to
// it is refused, and plain rows from before encryption stay readable.
import { describe, expect, it } from 'vitest';
import { encryptionMiddleware, isSealed, newDataKey, open, seal, setDataKey } from './data-key';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('seal and open', () => {
  it('round-trips, with a fresh nonce each time', () => {
    const key = newDataKey();
    const a = seal(key, bytes('Portkod 1942'));
    const b = seal(key, bytes('Portkod 1942'));
    expect(isSealed(a)).toBe(true);
    expect(a).not.toEqual(b);
    expect(text(a)).not.toContain('Portkod');
    expect(text(open(key, a))).toBe('Portkod 1942');
  });

  it('refuses a wrong key and any changed byte', () => {
    const key = newDataKey();
    const sealed = seal(key, bytes('Anna Lindqvist'));
    expect(() => open(newDataKey(), sealed)).toThrow();
    for (const at of [4, 10, 20, sealed.length - 1]) {
      const changed = sealed.slice();
      changed[at] = (changed[at] ?? 0) ^ 1;
      expect(() => open(key, changed)).toThrow();
    }
  });

  it('tells sealed values from plain Yjs updates', () => {
    expect(isSealed(new Uint8Array([0, 0, 1, 2, 3]))).toBe(false);
    expect(isSealed(bytes('SLE1'))).toBe(false); // too short to hold a nonce and a tag
  });
});

describe('the Dexie middleware', () => {
  type Req = { type: string; values?: unknown[] };
  const stored: unknown[] = [];
  const down = {
    table: () => ({
      mutate: (req: Req) => {
        stored.push(...(req.values ?? []));
        return Promise.resolve({ numFailures: 0, failures: {}, results: [] });
      },
      getMany: () => Promise.resolve(stored),
      query: (req: { values: boolean }) => Promise.resolve({ result: req.values ? stored : [1, 2] }),
    }),
  };
  const core = encryptionMiddleware.create(down as never) as unknown as { table(name: string): { mutate(r: Req): Promise<unknown>; getMany(r: unknown): Promise<unknown[]>; query(r: unknown): Promise<{ result: unknown[] }> } };

  it('seals the update rows it writes and opens them when read', async () => {
    setDataKey(newDataKey());
    const table = core.table('$docs.ydoc_updates');
    await table.mutate({ type: 'add', values: [{ k: 'journal:b1:2026-11', u: bytes('Åt gröt till frukost'), f: 1 }] });
    const raw = stored[0] as { k: string; u: Uint8Array };
    expect(raw.k).toBe('journal:b1:2026-11');
    expect(isSealed(raw.u)).toBe(true);
    expect(text(raw.u)).not.toContain('gröt');
    const [read] = (await table.getMany({})) as { u: Uint8Array }[];
    expect(text(read?.u ?? new Uint8Array())).toBe('Åt gröt till frukost');
    expect((await table.query({ values: true })).result.map((r) => text((r as { u: Uint8Array }).u))).toEqual(['Åt gröt till frukost']);
    expect((await table.query({ values: false })).result).toEqual([1, 2]);
  });
});
