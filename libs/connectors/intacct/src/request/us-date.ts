import type { IntacctDate } from '../intacct-types.js';

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** Generic objects and query filters take dates as mm/dd/yyyy. */
export const usDate = (date: IntacctDate): string => `${twoDigits(date.month)}/${twoDigits(date.day)}/${date.year}`;
