// The client's network address as the Node adapter sees it (no proxy headers
// are trusted); "unknown" in tests that call app.request() directly.
import type { Context } from 'hono';

export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
