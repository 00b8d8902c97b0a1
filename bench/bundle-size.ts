// Initial JavaScript: what index.html loads before first paint (its module
// script and modulepreloads), gzip-compressed as a server would send it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type BundleFigures = { initialJsGzipKb: number; files: Array<{ file: string; gzipKb: number }>; lazyJsGzipKb: number };

export function measureBundle(distDir: string): BundleFigures {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) if (m[1]) initial.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) if (m[1]) initial.add(m[1]);
  // And everything those import statically (not import()): loaded before the app runs, listed or not.
  const queue = [...initial];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    const code = readFileSync(join(distDir, file.replace(/^\//, '')), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*${}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      const dep = `/assets/${m[1]}`;
      if (!initial.has(dep)) {
        initial.add(dep);
        queue.push(dep);
      }
    }
  }
  const gz = (file: string) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length / 1024;
  const files = [...initial].map((f) => ({ file: f, gzipKb: round(gz(f.replace(/^\//, ''))) }));
  const all = listJs(distDir);
  const lazy = all.filter((f) => !initial.has(`/${f}`)).reduce((sum, f) => sum + gz(f), 0);
  return { initialJsGzipKb: round(files.reduce((s, f) => s + f.gzipKb, 0)), files, lazyJsGzipKb: round(lazy) };
}

function listJs(distDir: string): string[] {
  return readdirSync(join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
