/**
 * Raw-HTTP helpers for the simulator's own specs. Deliberately not the connector: the simulator is
 * tested against the contract's rules directly, so the two cannot agree on a wrong format.
 */
import { startSage100Simulator } from '../start-simulator.js';
import type { Sage100Simulator, Sage100SimulatorOptions } from '../simulator-types.js';
import { DEMO_SEED } from './demo-seed.js';

export const API_KEY = 'sim-test-key';
export const COMPANY = 'ABC';

/** A simulator with the demo company ABC (divisions 01, 02) and a second company XYZ; `clock` is steerable. */
export const startTestSimulator = (overrides: Partial<Sage100SimulatorOptions> = {}): Promise<Sage100Simulator> =>
  startSage100Simulator({
    port: 0,
    apiKeys: [API_KEY, { key: 'xyz-only', companies: ['XYZ'] }],
    companies: [{ code: COMPANY, divisions: ['01', '02'] }, { code: 'XYZ' }],
    customers: DEMO_SEED.customers,
    items: DEMO_SEED.items,
    ...overrides,
  });

/** A clock that stands still until moved: DateUpdated tests need to know the second. */
export const manualClock = (start = '2026-11-25T14:03:09.250Z') => {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    advance: (ms: number) => {
      at += ms;
    },
    set: (iso: string) => {
      at = Date.parse(iso);
    },
  };
};

export interface Reply {
  status: number;
  headers: Headers;
  // Test-only: replies are navigated freely in assertions.
  body: any;
}

export const call = async (
  simulator: Pick<Sage100Simulator, 'url'>,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> => {
  const response = await fetch(`${simulator.url}${path}`, {
    method,
    headers: { 'x-api-key': API_KEY, 'x-company-code': COMPANY, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
};

export const admin = async (simulator: Pick<Sage100Simulator, 'adminUrl'>, method: string, path: string, body?: unknown): Promise<Reply> => {
  const response = await fetch(`${simulator.adminUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
};

/** A realistic two-line web order for WEBSALES, with freight and tax. */
export const webOrder = (overrides: Record<string, unknown> = {}) => ({
  ARDivisionNo: '01',
  CustomerNo: 'WEBSALES',
  OrderDate: '2026-11-25',
  CustomerPONo: 'CL-100045',
  ShipToName: 'Jordan Alvarez',
  ShipToAddress1: '1120 NW Couch St',
  ShipToAddress2: 'Apt 5B',
  ShipToCity: 'Portland',
  ShipToState: 'OR',
  ShipToZipCode: '97209',
  ShipToCountryCode: 'USA',
  ShipVia: 'UPS GROUND',
  TermsCode: '00',
  TaxSchedule: 'WEB',
  PaymentType: 'VISA',
  FreightAmt: 7.95,
  SalesTaxAmt: 5.12,
  DiscountAmt: 0,
  UDF_CLARITY_ORDER: 'CL-100045',
  Lines: [
    { ItemCode: 'ESP-BEANS-1KG', ItemType: '1', WarehouseCode: '000', QuantityOrdered: 2, UnitPrice: 24.5, ExtensionAmt: 49 },
    { ItemCode: 'MUG-CER-12', ItemType: '1', WarehouseCode: '000', QuantityOrdered: 3, UnitPrice: 8.99, LineDiscountPercent: 10, ExtensionAmt: 24.27 },
  ],
  ...overrides,
});
