// The dependency rule checker: it must catch each kind of cross-import, let
// the allowed ones through, and pass on the real tree.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkTree, importsOf } from './check-deps';

const ROOT = resolve(import.meta.dirname, '..');

function violations(room: string, file: string, source: string) {
  return checkFile(ROOT, join(ROOT, room, file), source);
}

describe('checkFile', () => {
  it.each([
    ['a package other than zod and yjs', "import { Hono } from 'hono';", 'hono'],
    ['the pwa', "import { x } from '../pwa/x';", '../pwa/x'],
    ['the sync server, as a type', "import type { Room } from '../sync-server/rooms/room';", '../sync-server/rooms/room'],
    ['node built-ins', "import { readFileSync } from 'node:fs';", 'node:fs'],
    ['a package via dynamic import', "const m = await import('dexie');", 'dexie'],
    ['a package via re-export', "export { z } from 'zod/v4/core';", 'zod/v4/core'],
    ['a package for its side effects', "import 'reflect-metadata';", 'reflect-metadata'],
  ])('flags domain/ importing %s', (_label, source, specifier) => {
    const found = violations('domain', 'visit.ts', source);
    expect(found).toEqual([{ file: join('domain', 'visit.ts'), specifier, reason: 'domain/ may import only zod, yjs and domain/' }]);
  });

  it('flags domain/ importing the test runner outside a test file', () => {
    expect(violations('domain', 'visit.ts', "import { it } from 'vitest';")).toHaveLength(1);
    expect(violations('domain', 'visit.test.ts', "import { it } from 'vitest';\nimport fc from 'fast-check';")).toEqual([]);
  });

  it('flags a domain test importing anything else', () => {
    expect(violations('domain', 'visit.test.ts', "import { Hono } from 'hono';")).toHaveLength(1);
  });

  it.each([
    "import { z } from 'zod/mini';",
    "import { z } from 'zod';",
    "import * as Y from 'yjs';",
    "import type * as Y from 'yjs';",
    "import { IdSchema } from './ids';",
    "import { setFields } from './y-helpers';",
  ])('allows domain/ %s', (source) => {
    expect(violations('domain', 'visit.ts', source)).toEqual([]);
  });

  it('allows domain/doc-layout/ importing its parent folder', () => {
    expect(violations(join('domain', 'doc-layout'), 'plan-doc.ts', "import { PlannedVisitSchema } from '../visit';")).toEqual([]);
  });

  it('flags pwa/ importing the sync server, and allows it domain/ and packages', () => {
    expect(violations('pwa', 'main.tsx', "import { createApp } from '../sync-server/app';")).toEqual([
      { file: join('pwa', 'main.tsx'), specifier: '../sync-server/app', reason: 'pwa/ must not import sync-server/' },
    ]);
    expect(violations(join('pwa', 'sync'), 'client.ts', "import { Room } from '../../sync-server/rooms/room';")).toHaveLength(1);
    expect(violations('pwa', 'main.tsx', "import { render } from 'solid-js/web';\nimport { parseDocName } from '../domain';")).toEqual([]);
  });

  it('flags sync-server/ importing the pwa, and allows it domain/ and packages', () => {
    expect(violations('sync-server', 'app.ts', "import { x } from '../pwa/main';")).toEqual([
      { file: join('sync-server', 'app.ts'), specifier: '../pwa/main', reason: 'sync-server/ must not import pwa/' },
    ]);
    expect(violations('sync-server', 'app.ts', "import { Hono } from 'hono';\nimport { docAccess } from '../domain';")).toEqual([]);
  });

  it('names every offending import of a file, not just the first', () => {
    const source = ["import { Hono } from 'hono';", "import { z } from 'zod/mini';", "import { x } from '../pwa/x';"].join('\n');
    expect(violations('domain', 'visit.ts', source).map((v) => v.specifier)).toEqual(['hono', '../pwa/x']);
  });
});

describe('importsOf', () => {
  it('finds static, type-only, multi-line, re-exported, dynamic and side-effect imports', () => {
    const source = [
      "import { a } from 'pkg-a';",
      "import type { B } from \"pkg-b\";",
      'import {',
      '  c,',
      '  d,',
      "} from 'pkg-c';",
      "export { e } from './e';",
      "const f = await import('pkg-f');",
      "import './side-effect.css';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['pkg-a', 'pkg-b', 'pkg-c', './e', 'pkg-f', './side-effect.css']);
  });
});

describe('checkTree', () => {
  it('finds no violation in the real tree', () => {
    expect(checkTree(ROOT)).toEqual([]);
  });
});
