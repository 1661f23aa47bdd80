import type { Random } from './random.js';
import type { ClarityAddressPayload, ClarityCustomerPayload } from './payload.js';

// Real-looking, never real: example.* mail domains and 555-01xx / Ofcom drama phone numbers.

const firstNames = [
  'Jane', 'Marcus', 'Priya', 'Diego', 'Aisha', 'Tom', 'Mei', 'Olusegun', 'Hannah', 'Carlos', 'Sofia', 'Liam',
  'Grace', 'Mateo', 'Chloé', 'Ravi', 'Emily', 'Jamal', 'Yuki', 'Noah', 'Fatima', 'Ethan', 'Isabella', 'Connor',
  'Ana', 'Daniel', 'Zoë', 'Kwame', 'Olivia', 'Sean',
] as const;

const lastNames = [
  'Roe', 'Okafor', 'Nguyen', 'García', 'Patel', 'Schmidt', 'Kowalski', "O'Brien", 'Johnson', 'Tanaka', 'Rossi',
  'Dubois', 'Haddad', 'Murphy', 'Chen', 'Fernandes', 'Larsen', 'Mensah', 'Walker', 'Kim', 'Alvarez', 'Singh',
  'Novak', 'Bennett', 'MacLeod', 'Yilmaz', 'Russo', 'Hughes', 'Ivanova', 'Brooks',
] as const;

const companies = [
  'Lone Star Roasters LLC', 'Cascade Office Supply Co.', 'Bluebird Café Group', 'Northwind Traders',
  'Harbor & Pine Hospitality', 'Tandem Coworking Inc.', 'Maple Leaf Catering Ltd.', 'Kettle & Crumb Bakery',
] as const;

const mailDomains = ['example.com', 'example.org', 'example.net'] as const;

interface Locality {
  readonly city: string;
  readonly region: string | null;
  readonly postalCode: string;
  readonly country: 'US' | 'CA' | 'GB';
  readonly phonePrefix: string;
}

const localities: readonly Locality[] = [
  { city: 'Austin', region: 'TX', postalCode: '78701', country: 'US', phonePrefix: '+1 512 555 01' },
  { city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US', phonePrefix: '+1 206 555 01' },
  { city: 'Denver', region: 'CO', postalCode: '80202', country: 'US', phonePrefix: '+1 303 555 01' },
  { city: 'Chicago', region: 'IL', postalCode: '60601', country: 'US', phonePrefix: '+1 312 555 01' },
  { city: 'Brooklyn', region: 'NY', postalCode: '11201', country: 'US', phonePrefix: '+1 718 555 01' },
  { city: 'Portland', region: 'OR', postalCode: '97205', country: 'US', phonePrefix: '+1 503 555 01' },
  { city: 'Atlanta', region: 'GA', postalCode: '30303', country: 'US', phonePrefix: '+1 404 555 01' },
  { city: 'Boston', region: 'MA', postalCode: '02108', country: 'US', phonePrefix: '+1 617 555 01' },
  { city: 'Minneapolis', region: 'MN', postalCode: '55401', country: 'US', phonePrefix: '+1 612 555 01' },
  { city: 'Nashville', region: 'TN', postalCode: '37203', country: 'US', phonePrefix: '+1 615 555 01' },
  { city: 'Phoenix', region: 'AZ', postalCode: '85004', country: 'US', phonePrefix: '+1 602 555 01' },
  { city: 'San Diego', region: 'CA', postalCode: '92101', country: 'US', phonePrefix: '+1 619 555 01' },
  { city: 'Raleigh', region: 'NC', postalCode: '27601', country: 'US', phonePrefix: '+1 919 555 01' },
  { city: 'Toronto', region: 'ON', postalCode: 'M5V 2T6', country: 'CA', phonePrefix: '+1 416 555 01' },
  { city: 'Vancouver', region: 'BC', postalCode: 'V6B 1A1', country: 'CA', phonePrefix: '+1 604 555 01' },
  { city: 'Montréal', region: 'QC', postalCode: 'H2X 1Y4', country: 'CA', phonePrefix: '+1 514 555 01' },
  { city: 'London', region: null, postalCode: 'EC1A 1BB', country: 'GB', phonePrefix: '+44 20 7946 00' },
  { city: 'Manchester', region: null, postalCode: 'M1 1AE', country: 'GB', phonePrefix: '+44 161 496 00' },
  { city: 'Edinburgh', region: 'Scotland', postalCode: 'EH1 1YZ', country: 'GB', phonePrefix: '+44 131 496 00' },
];

const streets = [
  'Congress Ave', 'Pine St', 'Maple Dr', 'Lakeshore Blvd', 'Market St', 'Elm St', 'Queen St W', 'High Street',
  'Oak Ln', 'Cedar Rd', 'Riverside Dr', 'Station Road', 'Hawthorne Ave', 'Granville St', 'King St E',
] as const;

export interface SampleCustomer {
  /** Where the order ships; decides tax, carriers and store. */
  readonly country: Locality['country'];
  readonly customer: ClarityCustomerPayload;
  readonly customerId: string;
  readonly billingAddress: ClarityAddressPayload;
  readonly shippingAddress: ClarityAddressPayload;
}

/** Mostly US, some Canada and UK. */
const pickLocality = (random: Random): Locality => {
  const country = random.weighted([['US', 80], ['CA', 12], ['GB', 8]] as const);
  return random.pick(localities.filter((locality) => locality.country === country));
};

const emailLocalPart = (first: string, last: string) =>
  `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();

const address = (random: Random, name: string, locality: Locality): ClarityAddressPayload => ({
  name,
  line1: `${random.int(1, 4999)} ${random.pick(streets)}`,
  line2: random.chance(0.2) ? random.pick(['Apt 4B', 'Suite 200', 'Unit 12', 'Floor 3']) : null,
  city: locality.city,
  region: locality.region,
  postalCode: locality.postalCode,
  country: locality.country,
});

export const sampleCustomer = (random: Random): SampleCustomer => {
  const firstName = random.pick(firstNames);
  const lastName = random.pick(lastNames);
  const name = `${firstName} ${lastName}`;
  const company = random.chance(0.15) ? random.pick(companies) : null;
  const home = pickLocality(random);
  const shippingAddress = address(random, name, home);
  // Most people bill where they ship; some ship a gift elsewhere in the same country.
  const billingAddress = random.chance(0.8)
    ? { ...shippingAddress }
    : address(random, company ?? name, random.pick(localities.filter((l) => l.country === home.country)));
  return {
    country: home.country,
    customerId: `cust-${random.int(100, 99_999)}`,
    customer: {
      email: `${emailLocalPart(firstName, lastName)}${random.chance(0.3) ? random.int(1, 99) : ''}@${random.pick(mailDomains)}`,
      firstName,
      lastName,
      company,
      phone: random.chance(0.8) ? `${home.phonePrefix}${String(random.int(0, 99)).padStart(2, '0')}` : null,
    },
    billingAddress,
    shippingAddress,
  };
};
