import { Decimal } from 'decimal.js';
import type { DecimalString } from '@tributary/canonical-model';

/**
 * A private Decimal: 40 significant digits so quantity × decimal(14,2) never rounds, and our
 * settings cannot be changed by (or leak into) anyone else's use of the global constructor.
 */
const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type Amount = Decimal;

/** From exact decimal text ("19.99"), as the connector hands amounts over. */
export const amount = (text: string): Amount => new Money(text);

export const zero: Amount = new Money(0);

export const sum = (amounts: readonly Amount[]): Amount => amounts.reduce((total, next) => total.plus(next), zero);

/** Canonical money text: always exactly two decimals ("19.9" → "19.90"). */
export const toDecimalString = (value: Amount): DecimalString => value.toFixed(2);
