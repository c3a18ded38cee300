/**
 * Refuses domain names built to look like another (IDN homograph attacks), after the rules browsers apply before
 * showing a name in Unicode (Chromium's IDN spoof checker, simplified): a label may not mix scripts except the
 * usual Latin + CJK combinations, and a label wholly in Cyrillic or Greek may not be made only of letters that look
 * Latin, unless the top-level domain is in that script too.
 */
const scripts = [
  'Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Devanagari', 'Bengali', 'Gurmukhi',
  'Gujarati', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Khmer',
  'Ethiopic', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo',
] as const;
type Script = (typeof scripts)[number] | 'Other';

const scriptTests = scripts.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);
const neutral = /[\p{Script=Common}\p{Script=Inherited}]/u;

function scriptOf(char: string): Script | null {
  if (neutral.test(char)) return null; // digits, hyphens, combining marks go with any script
  return scriptTests.find(([, re]) => re.test(char))?.[0] ?? 'Other';
}

const scriptsOf = (label: string) => new Set([...label].map(scriptOf).filter((s): s is Script => s !== null));

/** Mixes that whole writing systems use: Japanese, Chinese and Korean names written with Latin letters too. */
const allowedMixes: ReadonlySet<Script>[] = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

/** Letters of other scripts that read as Latin ones in most fonts. */
const latinLookalikes: Partial<Record<Script, string>> = {
  Cyrillic: 'асԁеһіјӏорԛѕԝхуүьвкмнтп',
  Greek: 'αικνορτυχ',
};

export function homographProblem(unicodeDomain: string): string | null {
  const labels = unicodeDomain.split('.');
  const tldScripts = scriptsOf(labels[labels.length - 1]!);
  for (const label of labels) {
    const found = scriptsOf(label);
    if (found.size > 1 && !allowedMixes.some((mix) => [...found].every((s) => mix.has(s)))) {
      return `"${label}" mixes ${[...found].join(' and ')} letters, a common way to imitate another domain: write it in one script.`;
    }
    const [only] = found;
    const lookalikes = only && found.size === 1 ? latinLookalikes[only] : undefined;
    if (lookalikes && !tldScripts.has(only!) && [...label].every((c) => scriptOf(c) === null || lookalikes.includes(c))) {
      return `"${label}" is written in ${only} letters that look like Latin ones, a common way to imitate another domain.`;
    }
  }
  return null;
}
