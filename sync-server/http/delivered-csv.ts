// Planned vs delivered as CSV (RFC 4180) for payroll and invoicing systems;
// the rows themselves are derived in domain/delivered.ts.
export { DELIVERED_COLUMNS as DELIVERED_CSV_HEADER, deliveredRows } from '../../domain';

/** One CSV line; fields with separators, quotes or line breaks are quoted. */
export function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}
