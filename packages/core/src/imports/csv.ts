import { loneSurrogateAt } from '../text/well-formed.ts';

/**
 * A small RFC 4180 reader: quoted fields with embedded delimiters, doubled quotes and line breaks; CRLF, LF or CR
 * line ends; a leading byte-order mark dropped. Written here rather than taken from a library because core stays
 * dependency-free and browser-safe, and an import wants strictness, not guessing: a stray quote is an error with
 * its line number instead of a silently merged field.
 */

export interface CsvRecord {
  /** The line of the file where the record starts (1-based; a quoted field may span lines). */
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; delimiter: string; records: CsvRecord[] } | { ok: false; line: number; message: string };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Spreadsheets set to a European locale save "CSV" with semicolons: the header line tells which, since a header
 * of this import never contains either character inside a column name.
 */
export function detectDelimiter(text: string): ',' | ';' {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  return !header.includes(',') && header.includes(';') ? ';' : ',';
}

/**
 * Every record of `input`. Blank lines are skipped. Stops with an error past `maxRecords`, so an oversized file
 * costs no more than the limit.
 */
export function parseCsv(input: string, maxRecords = Number.POSITIVE_INFINITY): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const malformed = loneSurrogateAt(text);
  if (malformed >= 0) {
    const line = countLineBreaks(text, 0, malformed) + 1;
    return { ok: false, line, message: `Line ${line}: the text is not well-formed Unicode (it holds an unpaired UTF-16 surrogate).` };
  }
  const delimiter = detectDelimiter(text);
  const delim = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;

  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let blank = true;
    for (;;) {
      // One field, starting at i.
      if (text.charCodeAt(i) === QUOTE) {
        blank = false;
        const openedOn = line;
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) return { ok: false, line: openedOn, message: `Line ${openedOn}: a quoted field is never closed (a quote is missing).` };
          value += text.slice(from, q);
          line += countLineBreaks(text, from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        fields.push(value);
        const next = text.charCodeAt(i);
        if (i < n && next !== delim && next !== CR && next !== LF) {
          return { ok: false, line, message: `Line ${line}: unexpected text after a closing quote. A quote inside a quoted field must be doubled ("").` };
        }
      } else {
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === delim || c === CR || c === LF) break;
          if (c === QUOTE) {
            return { ok: false, line, message: `Line ${line}: a field that contains a quote must be enclosed in quotes, with the quote doubled ("").` };
          }
          end++;
        }
        const value = text.slice(i, end);
        if (value !== '') blank = false;
        fields.push(value);
        i = end;
      }
      // After a field: a delimiter (another field follows), a line end, or the end of the text.
      if (i < n && text.charCodeAt(i) === delim) {
        blank = false;
        i++;
        continue;
      }
      if (text.charCodeAt(i) === CR) i++;
      if (text.charCodeAt(i) === LF) i++;
      line++;
      break;
    }
    if (blank) continue;
    if (records.length >= maxRecords) return { ok: false, line: recordLine, message: `The file has more than ${maxRecords} records.` };
    records.push({ line: recordLine, fields });
  }
  return { ok: true, delimiter, records };
}

/** Line breaks between `from` and `to`, a CRLF counting once. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}
