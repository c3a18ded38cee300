import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  assertPassword,
  builtInPasswordPolicy,
  checkPassword,
  groupsIn,
  passwordSchema,
  type CharacterGroup,
  type PasswordPolicy,
} from './policy.ts';
import { NewPasswordInput, PASSWORDS_DO_NOT_MATCH } from './new-password.ts';

const broken = (pw: string) => checkPassword(pw).rules.filter((r) => !r.ok).map((r) => r.rule);

describe('checkPassword: the checklist', () => {
  it('lists every rule in order with its label, for a live checklist', () => {
    const check = checkPassword('');
    expect(check.rules.map((r) => r.rule)).toEqual(['required', 'minLength', 'maxLength', 'characters', 'groups']);
    expect(check.rules.map((r) => r.label)).toContain('At least 8 characters');
    expect(check.rules.map((r) => r.label)).toContain('Fewer than 64 characters');
  });

  it('accepts a strong password with no problems', () => {
    const check = checkPassword('Correct1horse');
    expect(check.ok).toBe(true);
    expect(check.problems).toEqual([]);
    expect(check.rules.every((r) => r.ok)).toBe(true);
  });

  it('names every broken rule of the empty password', () => {
    const check = checkPassword('');
    expect(check.ok).toBe(false);
    expect(broken('')).toEqual(['required', 'minLength', 'groups']);
    expect(check.problems).toEqual([
      'Password is required.',
      'Password must be at least 8 characters.',
      expect.stringMatching(/at least 3 of these 5 groups/),
    ]);
  });

  it('reports several broken rules at once', () => {
    expect(broken('abc€')).toEqual(['minLength', 'characters', 'groups']);
  });
});

describe('length boundaries', () => {
  it.each([
    ['7 characters', 'Abcde1!', ['minLength']],
    ['8 characters', 'Abcdef1!', []],
    ['63 characters', 'Aa1' + 'x'.repeat(60), []],
    ['64 characters', 'Aa1' + 'x'.repeat(61), ['maxLength']],
    ['256 characters', 'Aa1' + 'x'.repeat(253), ['maxLength']],
  ])('%s', (_, pw, expected) => {
    expect(broken(pw)).toEqual(expected);
  });

  it('counts characters, not UTF-16 units: 7 letters + an emoji is 8 characters', () => {
    expect(broken('Abcdef1😀')).toEqual(['characters']);
  });

  it('counts Latin-1 letters as one character each', () => {
    expect(broken('A1ééééé')).toEqual(['minLength']);
    expect(broken('A1éééééé')).toEqual([]);
  });
});

describe('allowed characters', () => {
  const base = 'Abcdef1!';
  it.each([
    ['Ā (U+0100, Latin Extended-A)', 'Ā'],
    ['€ (U+20AC)', '€'],
    ['emoji', '😀'],
    ['Cyrillic', 'Ж'],
    ['CJK', '中'],
    ['NUL', '\u0000'],
    ['tab', '\t'],
    ['newline', '\n'],
    ['carriage return', '\r'],
    ['DEL (U+007F)', '\u007f'],
    ['C1 control U+0080', '\u0080'],
    ['C1 control U+009F', '\u009f'],
    ['zero-width space', '\u200b'],
  ])('refuses %s', (_, ch) => {
    expect(broken(base + ch)).toEqual(['characters']);
  });

  it.each([
    ['space', ' '],
    ['tilde (U+007E)', '~'],
    ['no-break space (U+00A0)', '\u00a0'],
    ['¿ (U+00BF)', '¿'],
    ['× (U+00D7)', '×'],
    ['ÿ (U+00FF)', 'ÿ'],
  ])('accepts %s', (_, ch) => {
    expect(broken(base + ch)).toEqual([]);
  });
});

describe('character groups: three of five', () => {
  const sample: Record<CharacterGroup, string> = {
    uppercase: 'A',
    lowercase: 'a',
    digit: '1',
    special: '!',
    latin1Letter: 'é',
  };
  const all = Object.keys(sample) as CharacterGroup[];
  const combinations = (k: number, from = 0): CharacterGroup[][] =>
    k === 0 ? [[]] : all.slice(from).flatMap((g, i) => combinations(k - 1, from + i + 1).map((rest) => [g, ...rest]));
  /** Cycles the groups' sample characters to 8 characters, so only the groups rule can fail. */
  const passwordOf = (groups: CharacterGroup[]) =>
    Array.from({ length: 8 }, (_, i) => sample[groups[i % groups.length]!]).join('');

  it('has ten 3-group and ten 2-group combinations', () => {
    expect(combinations(3)).toHaveLength(10);
    expect(combinations(2)).toHaveLength(10);
  });

  it.each(combinations(3).map((c) => [c.join(' + '), c] as const))('accepts %s', (_, groups) => {
    const pw = passwordOf([...groups]);
    expect(groupsIn(pw)).toEqual(groups);
    expect(broken(pw)).toEqual([]);
  });

  it.each(combinations(2).map((c) => [c.join(' + '), c] as const))('refuses only %s', (_, groups) => {
    const pw = passwordOf([...groups]);
    expect(groupsIn(pw)).toEqual(groups);
    expect(broken(pw)).toEqual(['groups']);
  });

  it.each(all.map((g) => [g]))('refuses only %s', (g) => {
    expect(broken(passwordOf([g]))).toEqual(['groups']);
  });

  it('accepts four and five groups', () => {
    expect(broken(passwordOf(['uppercase', 'lowercase', 'digit', 'special']))).toEqual([]);
    expect(broken(passwordOf(all))).toEqual([]);
  });

  it.each([
    ['space', ' '],
    ['! (U+0021)', '!'],
    ['@ (U+0040)', '@'],
    ['[ (U+005B)', '['],
    ['` (U+0060)', '`'],
    ['{ (U+007B)', '{'],
    ['~ (U+007E)', '~'],
    ['no-break space (U+00A0)', '\u00a0'],
    ['§', '§'],
    ['¿ (U+00BF)', '¿'],
    ['× (U+00D7)', '×'],
    ['÷ (U+00F7)', '÷'],
  ])('%s is a special character', (_, ch) => {
    expect(groupsIn(ch)).toEqual(['special']);
  });

  it.each([
    ['À (U+00C0)', 'À'],
    ['Þ (U+00DE)', 'Þ'],
    ['ß (U+00DF)', 'ß'],
    ['é', 'é'],
    ['ü', 'ü'],
    ['ñ', 'ñ'],
    ['ÿ (U+00FF)', 'ÿ'],
  ])('%s is a Latin-1 letter', (_, ch) => {
    expect(groupsIn(ch)).toEqual(['latin1Letter']);
  });

  it('characters outside Latin-1 belong to no group', () => {
    expect(groupsIn('ĀŽ€😀')).toEqual([]);
    expect(broken('aaaa1111ĀĀĀĀ')).toEqual(['characters', 'groups']);
  });
});

describe('passwordSchema', () => {
  it('adds one issue per broken rule, tagged with the rule', () => {
    const result = passwordSchema.safeParse('abc');
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => (i as { params?: { rule?: string } }).params?.rule)).toEqual(['minLength', 'groups']);
    expect(result.error!.issues.map((i) => i.message)).toEqual(checkPassword('abc').problems);
  });

  it('does not trim the password', () => {
    expect(passwordSchema.parse(' Abcdef1 ')).toBe(' Abcdef1 ');
  });
});

describe('assertPassword', () => {
  it('throws PASSWORD.POLICY naming every broken rule', () => {
    let error: unknown;
    try {
      assertPassword('short€', 'rows.3.password');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    expect(e.code).toBe('PASSWORD.POLICY');
    expect(e.kind).toBe('invalid');
    expect(e.details).toMatchObject({ field: 'rows.3.password', rules: ['minLength', 'characters', 'groups'] });
    for (const problem of checkPassword('short€').problems) expect(e.message).toContain(problem);
    expect(e.message).not.toContain('€');
  });

  it('defaults the field to "password" and accepts a good password', () => {
    expect(() => assertPassword('Abcdef1!')).not.toThrow();
    expect(() => assertPassword('')).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'password' }) }));
  });

  it('checks against the policy given (a directory can bring its own)', () => {
    const pinOnly: PasswordPolicy = {
      name: 'test',
      rules: [{ rule: 'digits', label: 'Digits only', problem: 'Use digits only.', test: (pw) => /^\d+$/.test(pw) }],
    };
    expect(checkPassword('1234', pinOnly).ok).toBe(true);
    expect(() => assertPassword('1234', 'password', pinOnly)).not.toThrow();
    expect(() => assertPassword('1234')).toThrow(DomainError);
    expect(builtInPasswordPolicy.rules).toHaveLength(5);
  });
});

describe('NewPasswordInput', () => {
  it('accepts matching passwords', () => {
    expect(NewPasswordInput.parse({ password: 'Abcdef1!', repeatPassword: 'Abcdef1!' })).toEqual({
      password: 'Abcdef1!',
      repeatPassword: 'Abcdef1!',
    });
  });

  it('reports a mismatch on repeatPassword', () => {
    const issues = NewPasswordInput.safeParse({ password: 'Abcdef1!', repeatPassword: 'Abcdef1?' }).error!.issues;
    expect(issues).toEqual([expect.objectContaining({ path: ['repeatPassword'], message: PASSWORDS_DO_NOT_MATCH })]);
    expect(PASSWORDS_DO_NOT_MATCH).toBe('Passwords do not match.');
  });

  it('reports the mismatch together with the policy problems', () => {
    const issues = NewPasswordInput.safeParse({ password: 'abc', repeatPassword: 'abd' }).error!.issues;
    expect(issues.map((i) => i.path.join('.'))).toEqual(['password', 'password', 'repeatPassword']);
  });
});
