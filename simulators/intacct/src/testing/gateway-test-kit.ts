/**
 * Raw-XML helpers for the simulator's own specs. Deliberately not the connector: the simulator is
 * tested against external-apis §1 directly, so the two cannot agree on a wrong format.
 */
import { XMLParser } from 'fast-xml-parser';
import { startIntacctSimulator } from '../start-simulator.js';
import type { IntacctSimulator, IntacctSimulatorOptions } from '../simulator-types.js';

export const SENDER = { senderId: 'tributary-sim', senderPassword: 'sim-sender-pass' };
export const USER = { companyId: 'TRIBUTARY-DEMO', userId: 'ws_user', password: 'ws-pass' };

export const startTestSimulator = (overrides: Partial<IntacctSimulatorOptions> = {}): Promise<IntacctSimulator> =>
  startIntacctSimulator({ port: 0, ...SENDER, users: [USER], ...overrides });

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export type Auth = { sessionId: string } | { login: { userId: string; companyId: string; password: string } };

export const loginAuth: Auth = { login: USER };

export interface EnvelopeOptions {
  senderPassword?: string;
  controlId?: string;
  uniqueId?: boolean;
  transaction?: boolean;
}

/** A request envelope around raw `<function>` elements. */
export const envelope = (auth: Auth, functions: string[], opts: EnvelopeOptions = {}): string => {
  const authXml =
    'sessionId' in auth
      ? `<sessionid>${esc(auth.sessionId)}</sessionid>`
      : `<login><userid>${esc(auth.login.userId)}</userid><companyid>${esc(auth.login.companyId)}</companyid><password>${esc(auth.login.password)}</password></login>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<request>
  <control>
    <senderid>${SENDER.senderId}</senderid>
    <password>${esc(opts.senderPassword ?? SENDER.senderPassword)}</password>
    <controlid>${opts.controlId ?? 'req-1'}</controlid>
    <uniqueid>${opts.uniqueId ?? true}</uniqueid>
    <dtdversion>3.0</dtdversion>
    <includewhitespace>false</includewhitespace>
  </control>
  <operation transaction="${opts.transaction ?? false}">
    <authentication>${authXml}</authentication>
    <content>${functions.join('')}</content>
  </operation>
</request>`;
};

export const fn = (controlId: string, body: string) => `<function controlid="${esc(controlId)}">${body}</function>`;

export interface SalesOrderXmlOptions {
  referenceNo?: string;
  documentNo?: string;
  lines?: Array<{ itemId: string; quantity: string; price?: string; itemDesc?: string; warehouseId?: string }>;
  subtotals?: Array<{ description: string; total: string }>;
  message?: string;
  /** Inserted verbatim right after customerid, to break the sequence on purpose. */
  afterCustomer?: string;
}

export const createSalesOrderXml = (opts: SalesOrderXmlOptions = {}): string => {
  const lines = opts.lines ?? [
    { itemId: 'ESP-BEANS-1KG', quantity: '2', price: '24.50', itemDesc: 'Espresso beans 1 kg', warehouseId: 'WH-EAST' },
    { itemId: 'MUG-CER-12', quantity: '3', price: '8.99' },
  ];
  const subtotals = opts.subtotals ?? [
    { description: 'Discount', total: '-4.90' },
    { description: 'Shipping', total: '7.95' },
    { description: 'Tax', total: '5.12' },
  ];
  return `<create_sotransaction>
    <transactiontype>Sales Order</transactiontype>
    <datecreated><year>2024</year><month>05</month><day>01</day></datecreated>
    <customerid>CUST-00042</customerid>${opts.afterCustomer ?? ''}
    ${opts.documentNo ? `<documentno>${opts.documentNo}</documentno>` : ''}
    <referenceno>${esc(opts.referenceNo ?? 'WEB-10045')}</referenceno>
    ${opts.message ? `<message>${esc(opts.message)}</message>` : ''}
    <externalid>clarity-ord-10045</externalid>
    <currency>USD</currency>
    <sotransitems>${lines
      .map(
        (l) =>
          `<sotransitem><itemid>${l.itemId}</itemid>${l.itemDesc ? `<itemdesc>${esc(l.itemDesc)}</itemdesc>` : ''}${l.warehouseId ? `<warehouseid>${l.warehouseId}</warehouseid>` : ''}<quantity>${l.quantity}</quantity>${l.price === undefined ? '' : `<price>${l.price}</price>`}</sotransitem>`,
      )
      .join('')}</sotransitems>
    ${subtotals.length ? `<subtotals>${subtotals.map((s) => `<subtotal><description>${s.description}</description><total>${s.total}</total></subtotal>`).join('')}</subtotals>` : ''}
  </create_sotransaction>`;
};

export const readByQueryXml = (query: string, opts: { fields?: string; pageSize?: number } = {}) =>
  `<readByQuery><object>SODOCUMENT</object><fields>${opts.fields ?? '*'}</fields><query>${esc(query)}</query><pagesize>${opts.pageSize ?? 100}</pagesize></readByQuery>`;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['result', 'error', 'sodocument', 'SODOCUMENT'].includes(name),
});

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // Test-only: the parsed tree is navigated freely in assertions.
  xml: any;
}

export const post = async (url: string, body: string, init: { signal?: AbortSignal } = {}): Promise<Reply> => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/xml' }, body, ...init });
  const text = await response.text();
  let xml: unknown;
  try {
    xml = text.startsWith('<?xml') ? parser.parse(text) : undefined;
  } catch {
    xml = undefined;
  }
  return { status: response.status, headers: response.headers, text, xml };
};

/** Signs in and returns a session id, the way the connector does. */
export const openSession = async (url: string): Promise<string> => {
  const reply = await post(url, envelope(loginAuth, [fn(`session-${Math.random()}`, '<getAPISession/>')], { uniqueId: false }));
  const sessionId = reply.xml?.response?.operation?.result?.[0]?.data?.api?.sessionid;
  if (typeof sessionId !== 'string') throw new Error(`no session: ${reply.text}`);
  return sessionId;
};
