const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character case-safe suffix Salesforce appends to a 15-character id. */
const caseSuffix = (id15: string): string => {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX.charAt(bits);
  }
  return suffix;
};

/** An 18-character id: the key prefix, a pod-like "5g0" and a base-62 sequence number. */
export const salesforceId = (prefix: string, n: number): string => {
  let body = '';
  let rest = n;
  do {
    body = BASE62.charAt(rest % 62) + body;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  const id15 = `${prefix}5g0${body.padStart(9, '0')}`;
  return id15 + caseSuffix(id15);
};

/** Whether a string looks like a 15- or 18-character Salesforce id. */
export const looksLikeId = (value: string): boolean => /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value);
