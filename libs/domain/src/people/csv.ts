/**
 * RFC 4180 CSV parser: quoted fields with doubled quotes, delimiters and line breaks inside quotes,
 * CRLF or LF line ends, an optional UTF-8 BOM, `,` or `;` delimiter (detected from the header line
 * when not given). Each record keeps the line where it starts, for error messages.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvParseResult {
  delimiter: ',' | ';';
  records: CsvRecord[];
  errors: Array<{ line: number; message: string }>;
}

export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = stripBom(text).split(/\r?\n/, 1)[0] ?? '';
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export function parseCsv(input: string, delimiter: ',' | ';' = detectDelimiter(input)): CsvParseResult {
  const text = stripBom(input);
  const records: CsvRecord[] = [];
  const errors: CsvParseResult['errors'] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedField = false;
  let afterQuote = false;

  const endField = () => {
    fields.push(field);
    field = '';
    quotedField = false;
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is not a record (trailing newline, empty lines between records).
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.length === 0 && !quotedField) {
        inQuotes = true;
        quotedField = true;
      } else {
        errors.push({
          line,
          message: 'a quote inside an unquoted field (quote the whole field and double inner quotes)',
        });
        field += ch;
      }
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' && text[i + 1] === '\n') {
      // CRLF: the \n ends the record.
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (afterQuote) {
        errors.push({ line, message: 'characters after a closing quote' });
        afterQuote = false;
      }
      field += ch;
    }
  }
  if (inQuotes) errors.push({ line: recordLine, message: 'a quoted field is not closed before the end of the file' });
  if (field.length > 0 || fields.length > 0 || quotedField) endRecord();
  return { delimiter, records, errors };
}

export interface CsvTableError {
  line: number;
  column: string | null;
  message: string;
}

export interface CsvTable {
  /** Data rows with as many fields as the header (the others are reported in `errors`). */
  rows: CsvRecord[];
  /** Rows in the file, whatever their width. */
  rowCount: number;
  /** Column name (lower case) → field position. */
  index: Map<string, number>;
  errors: CsvTableError[];
}

/**
 * A CSV file with a header naming known columns in any order (case-insensitive): parse errors,
 * an empty file, unknown, repeated and missing columns, a header without rows, rows of the wrong
 * width — every problem with its line, so an import can refuse the file whole and say why.
 */
export function readCsvTable(csv: string, columns: ReadonlyArray<{ name: string; required?: boolean }>): CsvTable {
  const parsed = parseCsv(csv);
  const errors: CsvTableError[] = parsed.errors.map((e) => ({ line: e.line, column: null, message: e.message }));
  const [header, ...records] = parsed.records;
  const index = new Map<string, number>();
  if (!header)
    return {
      rows: [],
      rowCount: 0,
      index,
      errors: [...errors, { line: 1, column: null, message: 'the file is empty' }],
    };
  const names = header.fields.map((h) => h.trim().toLowerCase());
  names.forEach((name, i) => {
    if (!columns.some((c) => c.name === name))
      errors.push({ line: header.line, column: name, message: `unknown column "${name}"` });
    else if (index.has(name))
      errors.push({ line: header.line, column: name, message: `column "${name}" appears twice` });
    else index.set(name, i);
  });
  for (const column of columns)
    if (column.required !== false && !index.has(column.name))
      errors.push({ line: header.line, column: column.name, message: `required column "${column.name}" is missing` });
  if (errors.length > 0) return { rows: [], rowCount: records.length, index, errors };
  if (records.length === 0)
    return {
      rows: [],
      rowCount: 0,
      index,
      errors: [{ line: header.line, column: null, message: 'the file has a header but no rows' }],
    };
  const rows: CsvRecord[] = [];
  for (const r of records) {
    if (r.fields.length === names.length) rows.push(r);
    else
      errors.push({ line: r.line, column: null, message: `expected ${names.length} fields, found ${r.fields.length}` });
  }
  return { rows, rowCount: records.length, index, errors };
}
