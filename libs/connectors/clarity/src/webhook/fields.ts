import { z } from 'zod';

// Field shapes every Clarity webhook body shares.

/** Optional in Clarity's payload, but always present (possibly null) once parsed. */
export const optionalText = () => z.string().nullish().transform((value) => value ?? null);

export const timestamp = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 timestamp with a zone offset' });

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an upper-case ISO 4217 currency code');

export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code')
  .transform((code) => code.toUpperCase());

/** Clarity ids are strings; a number here means the sender's serialiser changed, which we refuse. */
export const id = () => z.string().min(1);

/** A count of items: whole, positive, and within Avro's `int`. */
export const quantity = z.number().int().positive().max(2_147_483_647);
