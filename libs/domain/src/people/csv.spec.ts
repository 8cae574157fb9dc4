import { describe, expect, it } from '@jest/globals';
import { detectDelimiter, parseCsv } from './csv.js';

describe('RFC 4180 CSV parser', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, keeping the start line', () => {
    const text = 'id,name,note\r\n1,"Durand, Éloïse","She said ""bonjour""\nthen left"\r\n2,Zoé,plain\r\n';
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['id', 'name', 'note'] },
      { line: 2, fields: ['1', 'Durand, Éloïse', 'She said "bonjour"\nthen left'] },
      { line: 4, fields: ['2', 'Zoé', 'plain'] },
    ]);
  });

  it('strips a UTF-8 BOM and detects the semicolon delimiter', () => {
    const text = '\uFEFFid;name\n1;"a;b"\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(parseCsv(text).records.map((r) => r.fields)).toEqual([
      ['id', 'name'],
      ['1', 'a;b'],
    ]);
  });

  it('keeps empty fields and skips blank lines', () => {
    expect(parseCsv('a,b,c\n1,,3\n\n4,5,\n').records.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['4', '5', ''],
    ]);
  });

  it('reads a last record without a newline, and an empty quoted field', () => {
    expect(parseCsv('a,b\n"",x').records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['', 'x'],
    ]);
  });

  it('reports an unclosed quote and stray quotes with their line', () => {
    expect(parseCsv('a,b\n1,"open\n').errors).toEqual([{ line: 2, message: expect.stringMatching(/not closed/) }]);
    expect(parseCsv('a,b\n1,x"y\n').errors[0]).toMatchObject({ line: 2 });
    expect(parseCsv('a,b\n1,"x"y\n').errors[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/after a closing quote/),
    });
  });
});
