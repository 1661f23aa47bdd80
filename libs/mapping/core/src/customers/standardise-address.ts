import { IntegrationError, err, ok, type Result } from '@tributary/core';
import { toCountryCode } from './countries.js';
import { normalisePostalCode } from './postal-codes.js';
import { toRegionCode } from './regions.js';
import type { AddressInput, StandardAddress } from './standard-address.js';
import { abbreviateStreetLine } from './street-abbreviations.js';
import { collapseWhitespace } from './text.js';

// Where USPS and Canada Post abbreviations are the expected form; elsewhere lines are left as typed.
const ABBREVIATING_COUNTRIES: ReadonlySet<string> = new Set(['US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP']);

const optional = (value: string | null | undefined): string | null => {
  const tidy = collapseWhitespace(value ?? '');
  return tidy === '' ? null : tidy;
};

const missing = (path: 'line1' | 'city') => IntegrationError.permanent('MAPPING.INVALID_ADDRESS', `address has no ${path}`, { path });

/**
 * One address in the form every target system accepts, or a permanent mapping error naming the
 * field at fault: an address we cannot place will not become placeable on retry.
 */
export const standardiseAddress = (address: AddressInput): Result<StandardAddress, IntegrationError> => {
  const country = toCountryCode(address.country);
  if (country === undefined) {
    return err(IntegrationError.permanent('MAPPING.UNKNOWN_COUNTRY', `country "${address.country}" is not a country we recognise`, { path: 'country', value: address.country }));
  }

  const postalCode = normalisePostalCode(country, address.postalCode);
  if (postalCode === undefined) {
    return err(IntegrationError.permanent('MAPPING.INVALID_POSTAL_CODE', `"${address.postalCode}" is not a valid postal code for ${country}`, { path: 'postalCode', value: address.postalCode, country }));
  }

  const line1 = optional(address.line1);
  const city = optional(address.city);
  if (line1 === null) return err(missing('line1'));
  if (city === null) return err(missing('city'));

  const street = ABBREVIATING_COUNTRIES.has(country) ? abbreviateStreetLine : (line: string) => line;
  const line2 = optional(address.line2);
  const region = optional(address.region);
  return ok({
    name: optional(address.name),
    line1: street(line1),
    line2: line2 === null ? null : street(line2),
    city,
    region: region === null ? null : toRegionCode(country, region),
    postalCode,
    country,
  });
};
