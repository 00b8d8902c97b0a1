// Entry point of `npm start`: config from the environment, the SQLite store in
// DATA_DIR, the demo data on an empty store, then the server on PORT.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '../domain';
import { dummyHash } from './auth/passwords';
import { createTokens } from './auth/tokens';
import { parseConfig } from './config';
import { createLogger } from './logger';
import { RoomManager } from './rooms/room-manager';
import { seedDemo } from './seed/demo-seed';
import { startServer } from './server';
import { SqliteStore } from './store/sqlite-store';

function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    process.exit(2);
  }
  const config = parsed.config;
  const log = createLogger(config.logLevel);
  const store = new SqliteStore(config.dataDir);
  const secret = config.secret ?? loadOrCreateSecret(config.dataDir);
  if (config.seed === 'demo') {
    const stats = await seedDemo(store, store, localDate(new Date()));
    log.info('demo_seed', stats);
  }
  const rooms = new RoomManager(store, log, config.compactAfterUpdates);
  const server = await startServer({
    directory: store,
    rooms,
    tokens: createTokens(secret, config.tokenTtlSeconds),
    log,
    now: () => new Date(),
    dummyHash: await dummyHash(),
    staticDir: config.staticDir,
    port: config.port,
    host: config.host,
  });
  process.stdout.write(`Slinga is running at http://localhost:${server.port}\n`);
  const shutdown = async () => {
    await server.close();
    store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

main().catch((err: unknown) => {
  process.stderr.write(`slinga failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
