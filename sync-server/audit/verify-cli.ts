// `npm run audit:verify`: checks the audit log's hash chain in DATA_DIR and
// names the first broken record. Exit code 0 when the chain holds, 1 when it
// does not, 2 on a bad configuration.
import { parseConfig } from '../config';
import { loadOrCreateSecret } from '../secret';
import { SqliteStore } from '../store/sqlite-store';
import { AuditLog } from './audit-log';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`${parsed.error}\n`);
  process.exit(2);
}
const store = new SqliteStore(parsed.config.dataDir);
try {
  const secret = parsed.config.secret ?? loadOrCreateSecret(parsed.config.dataDir);
  const result = new AuditLog(store.security, secret).verify();
  if (result.ok) {
    process.stdout.write(`audit log intact: ${result.records} records\n`);
  } else {
    process.stdout.write(`audit log BROKEN at record ${result.firstBrokenSeq}: ${result.reason} (${result.records} records before it hold)\n`);
    process.exitCode = 1;
  }
} finally {
  store.close();
}
