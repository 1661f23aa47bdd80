import { collapseWhitespace, lookupKey } from './text.js';

/** USPS codes: the states, DC, the territories, the freely associated states and the APO/FPO "states". */
const US_REGIONS: ReadonlyArray<readonly [code: string, ...names: string[]]> = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'],
  ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'], ['FL', 'Florida'], ['GA', 'Georgia'],
  ['HI', 'Hawaii', "Hawai'i"], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'],
  ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'],
  ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'],
  ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'],
  ['OK', 'Oklahoma'], ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'],
  ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'],
  ['VA', 'Virginia'], ['WA', 'Washington'], ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
  ['DC', 'District of Columbia', 'Washington DC', 'Washington, D.C.'],
  ['AS', 'American Samoa'], ['GU', 'Guam'], ['MP', 'Northern Mariana Islands'], ['PR', 'Puerto Rico'],
  ['VI', 'U.S. Virgin Islands', 'US Virgin Islands', 'Virgin Islands'], ['UM', 'U.S. Minor Outlying Islands', 'United States Minor Outlying Islands'],
  ['FM', 'Federated States of Micronesia', 'Micronesia'], ['MH', 'Marshall Islands'], ['PW', 'Palau'],
  ['AA', 'Armed Forces Americas'], ['AE', 'Armed Forces Europe', 'Armed Forces Africa', 'Armed Forces Canada', 'Armed Forces Middle East'],
  ['AP', 'Armed Forces Pacific'],
];

/** Canada Post codes, with the French names Québec customers use. */
const CA_REGIONS: ReadonlyArray<readonly [code: string, ...names: string[]]> = [
  ['AB', 'Alberta'], ['BC', 'British Columbia', 'Colombie-Britannique'], ['MB', 'Manitoba'],
  ['NB', 'New Brunswick', 'Nouveau-Brunswick'],
  ['NL', 'Newfoundland and Labrador', 'Newfoundland', 'Terre-Neuve-et-Labrador', 'NF'],
  ['NS', 'Nova Scotia', 'Nouvelle-Écosse'], ['NT', 'Northwest Territories', 'Territoires du Nord-Ouest'],
  ['NU', 'Nunavut'], ['ON', 'Ontario'], ['PE', 'Prince Edward Island', 'Île-du-Prince-Édouard', 'PEI'],
  // PQ is the pre-1990 abbreviation, still typed by older customers.
  ['QC', 'Quebec', 'Québec', 'PQ'], ['SK', 'Saskatchewan'], ['YT', 'Yukon', 'Yukon Territory'],
];

const index = (regions: typeof US_REGIONS) => {
  const codes = new Set(regions.map(([code]) => code));
  const names = new Map(regions.flatMap(([code, ...names]) => names.map((name) => [lookupKey(name), code] as const)));
  return { codes, names };
};

const REGIONS_BY_COUNTRY: ReadonlyMap<string, ReturnType<typeof index>> = new Map([
  ['US', index(US_REGIONS)],
  ['CA', index(CA_REGIONS)],
]);

/**
 * The postal abbreviation of a US state or Canadian province, given its name or code. Regions of
 * other countries, and names we do not recognise, are returned tidied but otherwise as given:
 * a county or prefecture is still useful to a human reading the address.
 */
export const toRegionCode = (countryCode: string, region: string): string => {
  const tidy = collapseWhitespace(region);
  const regions = REGIONS_BY_COUNTRY.get(countryCode);
  if (!regions) return tidy;
  const code = tidy.toUpperCase();
  if (regions.codes.has(code)) return code;
  return regions.names.get(lookupKey(tidy)) ?? tidy;
};
