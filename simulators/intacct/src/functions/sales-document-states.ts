/** SODOCUMENT STATE codes and their readable names (external-apis §1.9.1). */
export const DOCUMENT_STATE_NAMES: Readonly<Record<string, string>> = {
  S: 'Submitted',
  A: 'Approved',
  X: 'Partially Approved',
  R: 'Declined',
  I: 'Draft',
  O: 'Pending',
  D: 'Closed',
  G: 'In Progress',
  C: 'Converted',
  P: 'Partially Converted',
};

const byLowerName = new Map(Object.values(DOCUMENT_STATE_NAMES).map((name) => [name.toLowerCase(), name]));

/**
 * The readable name of a state given as a name (any case) or a one-letter code; undefined for
 * anything else. Documents store the readable name, which is what SODOCUMENT rows show.
 */
export const documentStateName = (nameOrCode: string): string | undefined => {
  const trimmed = nameOrCode.trim();
  const code = trimmed.toUpperCase();
  return Object.hasOwn(DOCUMENT_STATE_NAMES, code) ? DOCUMENT_STATE_NAMES[code] : byLowerName.get(trimmed.toLowerCase());
};
