/** Cut to a Sage field length (BOI refuses longer values). */
export const fit = (value: string, max: number): string => value.trim().slice(0, max);

const ALPHA3: Readonly<Record<string, string>> = { US: 'USA', CA: 'CAN', GB: 'GBR', MX: 'MEX', DE: 'DEU', FR: 'FRA', AU: 'AUS', IE: 'IRL', NL: 'NLD' };

/** Sage 100 keeps 3-letter country codes; unknown ones keep their ISO alpha-2. */
export const countryCode3 = (alpha2: string): string => ALPHA3[alpha2.toUpperCase()] ?? alpha2.toUpperCase().slice(0, 3);

/** YYYY-MM-DD (UTC) of an epoch ms. */
export const sageDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
