import { collapseWhitespace } from './text.js';

// USPS delivers to the territories with ordinary ZIP codes.
const ZIP_COUNTRIES: ReadonlySet<string> = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM']);
// The Crown Dependencies use Royal Mail postcodes (GY, JE, IM areas).
const UK_POSTCODE_COUNTRIES: ReadonlySet<string> = new Set(['GB', 'GG', 'JE', 'IM']);

const ZIP = /^(\d{5})(?:-?(\d{4}))?$/u;
// Canada Post never uses D, F, I, O, Q, U (misread by sorting machines), nor W or Z first.
const CANADIAN = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(\d[ABCEGHJ-NPRSTV-Z]\d)$/u;
// Outward code (area + district), then the inward code (sector digit + two unit letters).
const UK = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/u;

/**
 * The postal code in the form the country's post office prints it, or undefined when it cannot
 * be one. Only the formats we can check with confidence are checked; elsewhere the code is
 * tidied and trusted, because a wrong rejection stops a real order.
 */
export const normalisePostalCode = (countryCode: string, postalCode: string): string | undefined => {
  const tidy = collapseWhitespace(postalCode);
  if (ZIP_COUNTRIES.has(countryCode)) {
    const match = ZIP.exec(tidy.replace(/\s/gu, ''));
    if (!match) return undefined;
    return match[2] ? `${match[1]}-${match[2]}` : match[1];
  }
  const compact = tidy.replace(/[\s-]/gu, '').toUpperCase();
  if (countryCode === 'CA') {
    const match = CANADIAN.exec(compact);
    return match ? `${match[1]} ${match[2]}` : undefined;
  }
  if (UK_POSTCODE_COUNTRIES.has(countryCode)) {
    if (compact === 'GIR0AA') return 'GIR 0AA'; // Girobank's historic non-geographic postcode
    const match = UK.exec(compact);
    return match ? `${match[1]} ${match[2]}` : undefined;
  }
  return tidy;
};
