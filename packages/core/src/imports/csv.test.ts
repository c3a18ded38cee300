import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

const fields = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.message);
  return result.records.map((r) => r.fields);
};

describe('parseCsv (RFC 4180)', () => {
  it('reads plain records with LF, CRLF and CR line ends, with or without a final line end', () => {
    expect(fields('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\r\n1,2\r\n3,4')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(fields('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks inside', () => {
    expect(fields('name,note\n"Doe, John","say ""hi""\nand bye"\n')).toEqual([
      ['name', 'note'],
      ['Doe, John', 'say "hi"\nand bye'],
    ]);
    expect(fields('"",x\n')).toEqual([['', 'x']]);
  });

  it('keeps empty fields, also at the end of a line', () => {
    expect(fields('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('drops a byte-order mark and skips blank lines', () => {
    expect(fields('\uFEFFa,b\n\n1,2\r\n\r\n')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('tells the line where each record starts, counting line breaks inside quotes', () => {
    const result = parseCsv('h\n"a\r\nb"\n\nc\n');
    expect(result.ok && result.records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('reads semicolon files (spreadsheets in European locales) when the header has no comma', () => {
    const result = parseCsv('name;email\n"a;b";x@example.com\n');
    expect(result.ok && result.delimiter).toBe(';');
    expect(fields('name;email\n"a;b";x@example.com\n')).toEqual([['name', 'email'], ['a;b', 'x@example.com']]);
    expect(fields('name,note\nbob,a;b\n')).toEqual([['name', 'note'], ['bob', 'a;b']]);
  });

  it.each([
    ['an unclosed quote, naming the line it opened on', 'a\n"b,\nc\n', 2, /never closed/],
    ['text after a closing quote', 'a\n"b"c\n', 2, /after a closing quote/],
    ['a bare quote inside an unquoted field', 'a\nb"c\n', 2, /must be enclosed in quotes/],
    ['a lone surrogate (text that is not Unicode)', 'name,displayName\nann,Ann\nbob,"Bo\ud800b"\n', 3, /not well-formed Unicode/],
    ['a lone low surrogate', 'a\r\nb\r\nc\udc00\r\n', 3, /not well-formed Unicode/],
  ])('refuses %s', (_, text, line, message) => {
    const result = parseCsv(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.line).toBe(line);
      expect(result.message).toMatch(message);
      expect(result.message).toMatch(`Line ${line}`);
    }
  });

  it('stops past the record limit', () => {
    const result = parseCsv('a\n1\n2\n3\n', 3);
    expect(result).toMatchObject({ ok: false, line: 4 });
  });
});
