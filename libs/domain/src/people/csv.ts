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
