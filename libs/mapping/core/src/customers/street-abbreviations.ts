/**
 * USPS Publication 28 abbreviations for address lines (suffixes: appendix C1, unit designators:
 * C2, directionals: section 233). The full word and the abbreviation itself (with or without a
 * full stop) both map to the abbreviation, so "Ave." and "Avenue" end up the same.
 */
const SUFFIXES: Readonly<Record<string, string>> = {
  alley: 'Aly', avenue: 'Ave', boulevard: 'Blvd', causeway: 'Cswy', center: 'Ctr', centre: 'Ctr',
  circle: 'Cir', court: 'Ct', cove: 'Cv', crescent: 'Cres', crossing: 'Xing', drive: 'Dr',
  expressway: 'Expy', freeway: 'Fwy', gardens: 'Gdns', heights: 'Hts', highway: 'Hwy', junction: 'Jct',
  lane: 'Ln', parkway: 'Pkwy', place: 'Pl', plaza: 'Plz', point: 'Pt', ridge: 'Rdg', road: 'Rd',
  route: 'Rte', square: 'Sq', street: 'St', terrace: 'Ter', trail: 'Trl', turnpike: 'Tpke',
};

const UNITS: Readonly<Record<string, string>> = {
  apartment: 'Apt', basement: 'Bsmt', building: 'Bldg', department: 'Dept', floor: 'Fl', lobby: 'Lbby',
  office: 'Ofc', penthouse: 'Ph', room: 'Rm', space: 'Spc', suite: 'Ste', trailer: 'Trlr', unit: 'Unit',
};

const DIRECTIONALS: Readonly<Record<string, string>> = {
  north: 'N', south: 'S', east: 'E', west: 'W',
  northeast: 'NE', northwest: 'NW', southeast: 'SE', southwest: 'SW',
};

type Kind = 'suffix' | 'unit' | 'directional' | 'other';

const withAbbreviations = (table: Readonly<Record<string, string>>): ReadonlyMap<string, string> =>
  new Map(Object.entries(table).flatMap(([word, abbreviation]) => [[word, abbreviation], [abbreviation.toLowerCase(), abbreviation]]));

const TABLES: ReadonlyArray<readonly [Kind, ReadonlyMap<string, string>]> = [
  ['unit', withAbbreviations(UNITS)],
  ['directional', withAbbreviations(DIRECTIONALS)],
  ['suffix', withAbbreviations(SUFFIXES)],
];

interface Token {
  readonly word: string; // without trailing punctuation
  readonly trailing: string; // the comma or full stop that followed it
  readonly kind: Kind;
  readonly abbreviation?: string;
}

const tokenise = (text: string): Token[] =>
  text.split(' ').map((raw) => {
    const [, word = raw, trailing = ''] = /^(.*?)([.,;]*)$/u.exec(raw) ?? [];
    const key = word.replace(/\./gu, '').toLowerCase();
    for (const [kind, table] of TABLES) {
      const abbreviation = table.get(key);
      if (abbreviation) return { word, trailing, kind, abbreviation };
    }
    return { word, trailing, kind: 'other' as const };
  });

// An identifier after a unit designator: "4B", "#12", "C", "200", "East" — but not "St", which is a street.
const isUnitIdentifier = (token: Token | undefined): boolean =>
  token !== undefined &&
  (/\d/u.test(token.word) ||
    token.word.startsWith('#') ||
    token.word.length === 1 ||
    token.kind === 'directional' ||
    (token.word.length === 2 && token.kind === 'other'));

const isHouseNumber = (token: Token | undefined): boolean => token !== undefined && /^\d+[A-Z]?$/iu.test(token.word);

/**
 * Whether the word at `i` is playing the part its table says. Words double as street names
 * ("North Street", "Avenue Road", "St. Louis Ave", "200 East West Highway"), so a word is only
 * abbreviated where USPS would: a suffix ends the street name, a directional precedes a street
 * name or follows its suffix, a unit designator comes with its identifier.
 */
const playsItsPart = (tokens: readonly Token[], i: number, previousAbbreviated: boolean): boolean => {
  const token = tokens[i]!;
  const previous = tokens[i - 1];
  // A comma closes the phrase, so what follows it belongs to something else ("Main St, Apt 4").
  const next = token.trailing.includes(',') ? undefined : tokens[i + 1];
  switch (token.kind) {
    case 'unit':
      return next === undefined || isUnitIdentifier(next);
    case 'directional':
      return next?.kind === 'other' || (previous?.kind === 'suffix' && previousAbbreviated && (next === undefined || next.kind === 'unit'));
    case 'suffix':
      return previous !== undefined && !isHouseNumber(previous) && (next === undefined || next.kind === 'directional' || next.kind === 'unit' || next.word.startsWith('#'));
    case 'other':
      return false;
  }
};

/** Abbreviates the street suffixes, directionals and unit designators of a US or Canadian address line. */
export const abbreviateStreetLine = (line: string): string => {
  const tokens = tokenise(line);
  const out: string[] = [];
  let previousAbbreviated = false;
  tokens.forEach((token, i) => {
    // The identifier of a unit ("Suite East", "Apt E") is a name, never abbreviated itself.
    const isIdentifier = previousAbbreviated && tokens[i - 1]?.kind === 'unit';
    const abbreviate = !isIdentifier && token.abbreviation !== undefined && playsItsPart(tokens, i, previousAbbreviated);
    previousAbbreviated = abbreviate;
    if (!abbreviate || token.abbreviation === undefined) {
      out.push(token.word + token.trailing);
      return;
    }
    // An all-capitals line stays all capitals; the full stop after an abbreviation is dropped.
    const shouted = token.word.length > 1 && token.word === token.word.toUpperCase() && /\p{L}/u.test(token.word);
    out.push((shouted ? token.abbreviation.toUpperCase() : token.abbreviation) + token.trailing.replace(/\./gu, ''));
  });
  return out.join(' ');
};
