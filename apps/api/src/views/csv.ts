import { stringify } from 'csv-stringify/sync';

/**
 * Cells a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) get a leading
 * apostrophe (OWASP's CSV injection advice); numbers stay numbers. The writer is csv-stringify.
 */
export function neutralise(cell: string | number): string | number {
  if (typeof cell === 'number') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** A CSV file with a header row, RFC 4180 quoting, a BOM so that spreadsheets read it as UTF-8. */
export function toCsv(head: string[], rows: Array<Array<string | number>>): string {
  return (
    '\uFEFF' +
    stringify(
      [head, ...rows].map((r) => r.map(neutralise)),
      { record_delimiter: '\r\n' },
    )
  );
}
