import type { DecimalString } from '@tributary/canonical-model';
import { amount } from './money.js';

/** Canonical quantity text: exactly four decimals, as decimal(18,4) reads back ("2" → "2.0000"). */
export const toQuantityString = (text: string): DecimalString => amount(text).toFixed(4);
