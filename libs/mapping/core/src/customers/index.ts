export { standardiseAddress } from './standardise-address.js';
export { addressInputSchema, standardAddressSchema, type AddressInput, type StandardAddress } from './standard-address.js';
export { toCountryCode } from './countries.js';
export { toRegionCode } from './regions.js';
export { normalisePostalCode } from './postal-codes.js';
export { abbreviateStreetLine } from './street-abbreviations.js';
export {
  dedupeKeys,
  sameCustomer,
  customerIdentitySchema,
  dedupeOptionsSchema,
  type CustomerIdentity,
  type DedupeOptions,
  type DedupeKeys,
} from './dedupe-keys.js';
