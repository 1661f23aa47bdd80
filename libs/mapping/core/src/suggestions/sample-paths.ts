/** A leaf of the sample: where it is and the first non-empty value seen there. */
export interface SampleField {
  /** dotted path, arrays as [] (`lineItems[].sku`) */
  readonly path: string;
  readonly value: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '';

/**
 * Every leaf path of a nested JSON sample, in document order. All elements of an array are
 * visited, so a field that only some lines carry is still found, with its first real value.
 */
export const samplePaths = (sample: Record<string, unknown>): SampleField[] => {
  const found = new Map<string, unknown>();
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      for (const element of value) visit(element, `${path}[]`);
    } else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, path === '' ? key : `${path}.${key}`);
    } else if (!found.has(path) || (isEmpty(found.get(path)) && !isEmpty(value))) {
      found.set(path, value);
    }
  };
  visit(sample, '');
  return [...found].map(([path, value]) => ({ path, value }));
};
