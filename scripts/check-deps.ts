// The dependency rule, made mechanical: domain/ imports only zod and yjs (and
// itself); pwa/ and sync-server/ import domain/ but never each other. Run by
// `npm test`; exits 1 and names every offending import.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const IMPORT_RE = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

export type Violation = { file: string; specifier: string; reason: string };

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(entry)) out.push(full);
  }
  return out;
}

export function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec) specs.push(spec);
  }
  return specs;
}

const DOMAIN_PACKAGES = new Set(['zod', 'zod/mini', 'yjs']);

/** Checks one file's imports against the rule for the room it is in. */
export function checkFile(root: string, file: string, source: string): Violation[] {
  const room = relative(root, file).split(sep)[0];
  const violations: Violation[] = [];
  for (const spec of importsOf(source)) {
    const isRelative = spec.startsWith('.');
    const target = isRelative ? relative(root, resolve(dirname(file), spec)).split(sep)[0] : null;
    if (room === 'domain') {
      if (isRelative ? target !== 'domain' : !DOMAIN_PACKAGES.has(spec)) {
        // Tests next to domain code may use the test runner and property-test library.
        const testOnly = /\.test\.ts$/.test(file) && ['vitest', 'fast-check'].includes(spec);
        if (!testOnly) violations.push({ file: relative(root, file), specifier: spec, reason: 'domain/ may import only zod, yjs and domain/' });
      }
    } else if (room === 'pwa' && target === 'sync-server') {
      violations.push({ file: relative(root, file), specifier: spec, reason: 'pwa/ must not import sync-server/' });
    } else if (room === 'sync-server' && target === 'pwa') {
      violations.push({ file: relative(root, file), specifier: spec, reason: 'sync-server/ must not import pwa/' });
    }
  }
  return violations;
}

export function checkTree(root: string): Violation[] {
  return ['domain', 'pwa', 'sync-server'].flatMap((room) =>
    sourceFiles(join(root, room)).flatMap((file) => checkFile(root, file, readFileSync(file, 'utf8'))),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const violations = checkTree(ROOT);
  for (const v of violations) process.stderr.write(`${v.file}: imports '${v.specifier}': ${v.reason}\n`);
  if (violations.length > 0) process.exit(1);
  process.stdout.write('dependency rule: ok\n');
}
