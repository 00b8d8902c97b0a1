// Orders received (POST /api/orders), in the same SQLite file: which order
// made or updated which recipient, so that a repeated order changes nothing
// and a later one finds its recipient. Bound parameters only.
import type Database from 'better-sqlite3';
import { z } from 'zod/mini';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS orders (
  order_id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  recipient_id TEXT NOT NULL,
  recipient_key TEXT NOT NULL,
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_by_recipient_key ON orders (team_id, recipient_key, received_at);
`;

const OrderRowSchema = z.object({ order_id: z.string(), team_id: z.string(), recipient_id: z.string() });
export type OrderRow = z.infer<typeof OrderRowSchema>;

export class SqliteOrderStore {
  readonly #s;

  constructor(db: Database.Database) {
    db.exec(SCHEMA_SQL);
    this.#s = {
      byId: db.prepare('SELECT order_id, team_id, recipient_id FROM orders WHERE order_id = ?'),
      byKey: db.prepare('SELECT order_id, team_id, recipient_id FROM orders WHERE team_id = ? AND recipient_key = ? ORDER BY received_at DESC LIMIT 1'),
      insert: db.prepare(
        'INSERT INTO orders (order_id, team_id, recipient_id, recipient_key, received_at, received_by, body) VALUES (@order_id, @team_id, @recipient_id, @recipient_key, @received_at, @received_by, @body)',
      ),
    };
  }

  findOrder(orderId: string): OrderRow | undefined {
    const row = this.#s.byId.get(orderId);
    return row === undefined ? undefined : OrderRowSchema.parse(row);
  }

  /** The recipient the latest order with this key made, in this team. */
  recipientByKey(teamId: string, key: string): string | undefined {
    const row = this.#s.byKey.get(teamId, key);
    return row === undefined ? undefined : OrderRowSchema.parse(row).recipient_id;
  }

  insertOrder(row: { order_id: string; team_id: string; recipient_id: string; recipient_key: string; received_at: string; received_by: string; body: string }): void {
    this.#s.insert.run(row);
  }
}
