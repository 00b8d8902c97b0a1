// Planned vs delivered as CSV (RFC 4180) for payroll and invoicing systems.
// The rows and the escaping live in domain/delivered.ts, whose deliveredCsv
// builds the whole file the same way (CRLF after every line), so the
// scheduler's download made on the device is the same bytes as this route's.
export { DELIVERED_COLUMNS as DELIVERED_CSV_HEADER, csvLine, deliveredCsv, deliveredRows } from '../../domain';
