import { lookupKey } from './text.js';

/** Every officially assigned ISO 3166-1 alpha-2 code (249). */
const ALPHA_2 = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
  BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
  CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
  DE DJ DK DM DO DZ
  EC EE EG EH ER ES ET
  FI FJ FK FM FO FR
  GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
  HK HM HN HR HT HU
  ID IE IL IM IN IO IQ IR IS IT
  JE JM JO JP
  KE KG KH KI KM KN KP KR KW KY KZ
  LA LB LC LI LK LR LS LT LU LV LY
  MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
  NA NC NE NF NG NI NL NO NP NR NU NZ
  OM
  PA PE PF PG PH PK PL PM PN PR PS PT PW PY
  QA
  RE RO RS RU RW
  SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
  TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
  UA UG UM US UY UZ
  VA VC VE VG VI VN VU
  WF WS
  YE YT
  ZA ZM ZW
`.trim().split(/\s+/u);

/**
 * The countries our storefronts actually ship to, with the alpha-3 code and the names and
 * spellings customers type. Other countries are accepted by alpha-2 code only.
 */
const COMMON_COUNTRIES: ReadonlyArray<readonly [alpha2: string, alpha3: string, ...names: string[]]> = [
  ['US', 'USA', 'United States', 'United States of America'],
  ['CA', 'CAN', 'Canada'],
  ['MX', 'MEX', 'Mexico', 'México'],
  ['GB', 'GBR', 'United Kingdom', 'United Kingdom of Great Britain and Northern Ireland', 'Great Britain', 'Britain', 'UK', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  ['IE', 'IRL', 'Ireland', 'Republic of Ireland', 'Éire'],
  ['FR', 'FRA', 'France'],
  ['DE', 'DEU', 'Germany', 'Deutschland'],
  ['ES', 'ESP', 'Spain', 'España'],
  ['PT', 'PRT', 'Portugal'],
  ['IT', 'ITA', 'Italy', 'Italia'],
  ['NL', 'NLD', 'Netherlands', 'Holland', 'Nederland'],
  ['BE', 'BEL', 'Belgium', 'België', 'Belgique'],
  ['LU', 'LUX', 'Luxembourg'],
  ['CH', 'CHE', 'Switzerland', 'Schweiz', 'Suisse'],
  ['AT', 'AUT', 'Austria', 'Österreich'],
  ['DK', 'DNK', 'Denmark', 'Danmark'],
  ['SE', 'SWE', 'Sweden', 'Sverige'],
  ['NO', 'NOR', 'Norway', 'Norge'],
  ['FI', 'FIN', 'Finland', 'Suomi'],
  ['IS', 'ISL', 'Iceland'],
  ['PL', 'POL', 'Poland', 'Polska'],
  ['CZ', 'CZE', 'Czechia', 'Czech Republic'],
  ['SK', 'SVK', 'Slovakia'],
  ['HU', 'HUN', 'Hungary'],
  ['RO', 'ROU', 'Romania'],
  ['BG', 'BGR', 'Bulgaria'],
  ['GR', 'GRC', 'Greece'],
  ['HR', 'HRV', 'Croatia'],
  ['SI', 'SVN', 'Slovenia'],
  ['RS', 'SRB', 'Serbia'],
  ['EE', 'EST', 'Estonia'],
  ['LV', 'LVA', 'Latvia'],
  ['LT', 'LTU', 'Lithuania'],
  ['UA', 'UKR', 'Ukraine'],
  ['TR', 'TUR', 'Turkey', 'Türkiye'],
  ['RU', 'RUS', 'Russia', 'Russian Federation'],
  ['IL', 'ISR', 'Israel'],
  ['AE', 'ARE', 'United Arab Emirates', 'UAE'],
  ['SA', 'SAU', 'Saudi Arabia'],
  ['QA', 'QAT', 'Qatar'],
  ['EG', 'EGY', 'Egypt'],
  ['ZA', 'ZAF', 'South Africa'],
  ['NG', 'NGA', 'Nigeria'],
  ['KE', 'KEN', 'Kenya'],
  ['MA', 'MAR', 'Morocco'],
  ['IN', 'IND', 'India'],
  ['PK', 'PAK', 'Pakistan'],
  ['BD', 'BGD', 'Bangladesh'],
  ['CN', 'CHN', 'China', "People's Republic of China", 'PRC'],
  ['HK', 'HKG', 'Hong Kong'],
  ['TW', 'TWN', 'Taiwan'],
  ['JP', 'JPN', 'Japan'],
  ['KR', 'KOR', 'South Korea', 'Korea', 'Republic of Korea', 'Korea, Republic of'],
  ['SG', 'SGP', 'Singapore'],
  ['MY', 'MYS', 'Malaysia'],
  ['TH', 'THA', 'Thailand'],
  ['VN', 'VNM', 'Vietnam', 'Viet Nam'],
  ['PH', 'PHL', 'Philippines'],
  ['ID', 'IDN', 'Indonesia'],
  ['AU', 'AUS', 'Australia'],
  ['NZ', 'NZL', 'New Zealand', 'Aotearoa'],
  ['BR', 'BRA', 'Brazil', 'Brasil'],
  ['AR', 'ARG', 'Argentina'],
  ['CL', 'CHL', 'Chile'],
  ['CO', 'COL', 'Colombia'],
  ['PE', 'PER', 'Peru', 'Perú'],
  ['CR', 'CRI', 'Costa Rica'],
  ['PA', 'PAN', 'Panama', 'Panamá'],
  ['DO', 'DOM', 'Dominican Republic'],
  ['JM', 'JAM', 'Jamaica'],
  ['PR', 'PRI', 'Puerto Rico'],
  ['GU', 'GUM', 'Guam'],
  ['VI', 'VIR', 'U.S. Virgin Islands', 'US Virgin Islands', 'Virgin Islands (U.S.)'],
];

const alpha2Codes: ReadonlySet<string> = new Set(ALPHA_2);

const byAlpha3: ReadonlyMap<string, string> = new Map(COMMON_COUNTRIES.map(([alpha2, alpha3]) => [alpha3, alpha2]));

const byName: ReadonlyMap<string, string> = new Map(
  COMMON_COUNTRIES.flatMap(([alpha2, , ...names]) => names.map((name) => [lookupKey(name), alpha2] as const)),
);

/** The ISO 3166-1 alpha-2 code for a code or name as customers type it, or undefined. */
export const toCountryCode = (country: string): string | undefined => {
  const key = lookupKey(country);
  // Codes typed with full stops ("U.S.A.", "U.K.") are still codes.
  const code = key.replace(/ /gu, '').toUpperCase();
  if (code.length === 2 && alpha2Codes.has(code)) return code;
  if (code.length === 3 && byAlpha3.has(code)) return byAlpha3.get(code);
  return byName.get(key);
};

/** For tests and diagnostics: the alpha-2 codes the table knows. */
export const knownCountryCodes = (): readonly string[] => ALPHA_2;
