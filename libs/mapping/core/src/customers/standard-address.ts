import { z } from 'zod';

/** An address as it arrives from a storefront or a CRM: free text, optional parts null or missing. */
export const addressInputSchema = z.object({
  name: z.string().nullish(),
  line1: z.string(),
  line2: z.string().nullish(),
  city: z.string(),
  region: z.string().nullish(),
  postalCode: z.string(),
  country: z.string(),
});
export type AddressInput = z.infer<typeof addressInputSchema>;

/**
 * An address every target system can take as it is: ISO alpha-2 country, postal abbreviations
 * for US and Canadian regions, the post office's postal code format, and null (never "") for
 * an absent optional part, so two copies of one address compare equal.
 */
export const standardAddressSchema = z.object({
  name: z.string().min(1).nullable(),
  line1: z.string().min(1),
  line2: z.string().min(1).nullable(),
  city: z.string().min(1),
  region: z.string().min(1).nullable(),
  postalCode: z.string(),
  country: z.string().length(2),
});
export type StandardAddress = z.infer<typeof standardAddressSchema>;
