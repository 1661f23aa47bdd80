/** Trims and turns any run of whitespace (tabs, newlines, no-break spaces) into one space. */
export const collapseWhitespace = (value: string): string => value.replace(/\s+/gu, ' ').trim();

// Letters that NFKD leaves whole because they are not a base letter plus a mark.
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L',
  đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i',
};

/** "Zoë Łukasz Straße" → "Zoe Lukasz Strasse": NFKD, marks dropped, and the letters NFKD leaves alone (ß, Ł, ø…) folded by table. */
export const removeDiacritics = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßẞæÆœŒøØłŁđĐðÐþÞı]/gu, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter);

/**
 * The key a free-text name is looked up by in our tables: "U.S.A." and "usa", "Québec" and
 * "QUEBEC", "Washington, D.C." and "washington dc" all meet on the same key.
 */
export const lookupKey = (value: string): string =>
  collapseWhitespace(
    removeDiacritics(value)
      .toLowerCase()
      .replace(/&/gu, ' and ')
      .replace(/[.'’]/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' '),
  ).replace(/^the /u, '');
