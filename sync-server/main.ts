// Entry point of `npm start`: config from the environment, the SQLite store in
// DATA_DIR, the demo data on an empty store, then the server on PORT.
import { localDate } from '../domain';
import { dummyHash } from './auth/passwords';
import { parseConfig } from './config';
import { createLogger } from './logger';
import { RoomManager } from './rooms/room-manager';
import { seedDemo } from './seed/demo-seed';
import { createSecurity } from './security';
import { loadOrCreateSecret } from './secret';
import { startServer } from './server';
import { SqliteStore } from './store/sqlite-store';

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
    security: createSecurity(store, secret, config.security),
    securityStore: store.security,
    orderStore: store.orders,
    log,
    now: () => new Date(),
    dummyHash: await dummyHash(),
    retentionDaysAfterEnd: config.retentionDaysAfterEnd,
    permissionRecheckMs: config.permissionRecheckMs,
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
