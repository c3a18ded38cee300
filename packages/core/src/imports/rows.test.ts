import { describe, expect, it } from 'vitest';
import { mapHeader } from './columns.ts';
import { MAX_IMPORT_ROWS, readImportFile, type ImportFileRow } from './rows.ts';
import { ValidateImportInput } from './schemas.ts';

const STRONG = 'Wonderland-42';

function rowsOf(content: string): ImportFileRow[] {
  const reading = readImportFile(content);
  if (!reading.ok) throw new Error(reading.refusal.message);
  return reading.rows;
}
const refusalOf = (content: string) => {
  const reading = readImportFile(content);
  if (reading.ok) throw new Error('expected the file to be refused');
  return reading.refusal;
};
const problems = (row: ImportFileRow | undefined) => row?.problems.map((p) => `${p.field}: ${p.message}`) ?? [];

describe('mapHeader', () => {
  it('matches headers without case, spaces, dashes or underscores, and accepts common synonyms', () => {
    expect(mapHeader(['User Name', 'display_name', 'E-Mail', 'Surname', 'ZIP', 'Hidden from address book'])).toEqual({
      ok: true,
      columns: ['name', 'displayName', 'email', 'lastName', 'zipCode', 'hiddenFromGlobalAddressList'],
    });
  });

  it('names every problem: unknown, repeated and missing columns', () => {
    const mapping = mapHeader(['name', 'Name', 'nickname']);
    expect(mapping.ok).toBe(false);
    if (!mapping.ok) {
      expect(mapping.problems).toEqual([
        'Column 2 "Name" repeats the column User name.',
        'Column 3 "nickname" is not a known column.',
        'Required columns missing: Display name, Email address.',
        expect.stringMatching(/^Known columns: name, displayName, email, firstName/),
      ]);
    }
  });
});

describe('readImportFile', () => {
  it('reads valid rows with every personal-data field, a password, "invite" and an empty password', () => {
    const rows = rowsOf(
      [
        'name,displayName,email,firstName,lastName,initials,telephone,street,city,zipCode,country,company,department,jobTitle,office,hidden,password',
        `alice,Alice Liddell,Alice@Example.com,Alice,Liddell,AL,+44 1,"1 Rabbit Hole, Burrow",Oxford,OX1,UK,Wonderland Ltd,Tea,Guest,Hall,yes,${STRONG}`,
        'bob,Bob,bob@example.com,,,,,,,,,,,,,,INVITE',
        'carol,Carol,carol@example.com,,,,,,,,,,,,,no,',
      ].join('\r\n'),
    );
    expect(rows.map((r) => r.problems)).toEqual([[], [], []]);
    expect(rows[0]).toMatchObject({
      line: 2,
      shown: { name: 'alice', displayName: 'Alice Liddell', email: 'alice@example.com', password: 'set' },
      user: {
        name: 'alice',
        email: 'alice@example.com',
        street: '1 Rabbit Hole, Burrow',
        company: 'Wonderland Ltd',
        hiddenFromGlobalAddressList: true,
        password: STRONG,
      },
    });
    expect(rows[1]!.user).toMatchObject({ password: undefined, firstName: undefined, hiddenFromGlobalAddressList: false });
    expect(rows[1]!.shown.password).toBe('none');
    expect(rows[2]!.user?.password).toBeUndefined();
  });

  it('names every problem of a bad row, with every rule a weak password breaks, and never echoes the password', () => {
    // In the order of the file's columns.
    const [row] = rowsOf(`name,displayName,email,password,city\nbad name,,not-an-address,abc,${'x'.repeat(257)}\n`);
    expect(row!.user).toBeNull();
    expect(problems(row)).toEqual([
      expect.stringMatching(/^name: User name may contain only letters/),
      'displayName: Display name is required.',
      expect.stringMatching(/^email: An email address needs an @/),
      'password: Password must be at least 8 characters.',
      expect.stringMatching(/^password: Password must contain characters from at least 3/),
      'city: City must be at most 256 characters.',
    ]);
    expect(JSON.stringify(row!.problems)).not.toContain('abc');
  });

  it('refuses reserved names and a bad yes/no value', () => {
    const [row] = rowsOf('name,displayName,email,hidden\npostmaster,P,p@example.com,maybe\n');
    expect(problems(row)).toEqual([
      expect.stringMatching(/^name: "postmaster" is reserved/),
      'hiddenFromGlobalAddressList: Hidden from address book must be yes or no.',
    ]);
  });

  it('marks every row of a name or address that appears twice in the file, naming the other lines', () => {
    const rows = rowsOf(
      ['name,displayName,email', 'ann,Ann,ann@example.com', 'ANN,Ann 2,ann2@example.com', 'ben,Ben,ANN@example.com', 'cat,Cat,cat@example.com'].join('\n'),
    );
    expect(problems(rows[0])).toEqual([
      'name: The user name "ann" also appears on line 3 of the file.',
      'email: The email address "ann@example.com" also appears on line 4 of the file.',
    ]);
    expect(problems(rows[1])).toEqual(['name: The user name "ANN" also appears on line 2 of the file.']);
    expect(problems(rows[2])).toEqual(['email: The email address "ann@example.com" also appears on line 2 of the file.']);
    expect(rows.map((r) => r.user !== null)).toEqual([false, false, false, true]);
  });

  it('flags a row with more values than columns (an unquoted comma) but accepts missing trailing values', () => {
    const rows = rowsOf('name,displayName,email,city\nann,Doe, Ann,ann@example.com,Oxford\nben,Ben,ben@example.com\n');
    expect(problems(rows[0])).toContainEqual(expect.stringMatching(/^row: The row has 5 values but the header has 4 columns/));
    expect(rows[1]!.problems).toEqual([]);
  });

  it('tolerates empty columns without a header (spreadsheet exports) unless they hold a value', () => {
    const rows = rowsOf('name,displayName,email,,\nann,Ann,ann@example.com,,\nben,Ben,ben@example.com,,x\n');
    expect(rows[0]!.problems).toEqual([]);
    expect(problems(rows[1])).toEqual(['row: Column 5 has a value but no header.']);
  });

  it.each([
    ['an empty file', '', /The file is empty/],
    ['a header only', 'name,displayName,email\n', /header row but no users/],
    ['a wrong header', 'login,email\nx,y\n', /"login" is not a known column.*Required columns missing: User name, Display name/],
    ['broken CSV', 'name,displayName,email\n"ann,Ann,a@example.com\n', /not valid CSV\. Line 2: a quoted field is never closed/],
  ])('refuses %s as a whole, naming the problem', (_, content, message) => {
    const refused = refusalOf(content);
    expect(refused.code).toBe('IMPORT.INVALID_FILE');
    expect(refused.message).toMatch(message);
    expect(refused.details).toMatchObject({ field: 'content' });
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows`, () => {
    const content = `name,displayName,email\n${'a,A,a@example.com\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(refusalOf(content).message).toMatch(/more than 10000 users/);
    expect(rowsOf(`name,displayName,email\n${'a,A,a@example.com\n'.repeat(MAX_IMPORT_ROWS)}`)).toHaveLength(MAX_IMPORT_ROWS);
  }, 60_000); // two 10,000-row parses: over 5 s on a loaded CI machine
});

describe('ValidateImportInput', () => {
  const organizationId = 'm-d281d0a2fd824be5b6cd3d3ce909fd27';
  it('limits the file to 5 MB of UTF-8 and needs a file name', () => {
    const big = 'é'.repeat(3 * 1024 * 1024); // 3 M characters, 6 MB
    const result = ValidateImportInput.safeParse({ organizationId, fileName: ' ', content: big });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'fileName: File name is required.',
      'content: The file must be at most 5 MB.',
    ]);
    expect(ValidateImportInput.safeParse({ organizationId, fileName: 'users.csv', content: 'a'.repeat(5 * 1024 * 1024) }).success).toBe(true);
  });
});
