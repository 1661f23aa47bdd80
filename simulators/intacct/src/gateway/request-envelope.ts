import { child, childText, childrenNamed, type XmlElement } from '../xml/xml-reader.js';
import { parseError, type GatewayError } from './gateway-errors.js';
import { blankControl, type ControlEcho } from './reply-xml.js';
import { checkSequence, oneOrMore, optional, required } from './schema-sequence.js';

export type Credentials =
  | { kind: 'login'; userId: string; companyId: string; password: string; locationId: string }
  | { kind: 'session'; sessionId: string };

export interface RequestedFunction {
  controlId: string;
  verb: XmlElement;
}

/** A request whose envelope passed the schema checks of external-apis §1.2. */
export interface RequestEnvelope {
  control: ControlEcho;
  senderPassword: string;
  uniqueId: boolean;
  transaction: boolean;
  credentials: Credentials;
  functions: RequestedFunction[];
}

export type EnvelopeReading = { envelope: RequestEnvelope } | { control: ControlEcho; error: GatewayError };

const CONTROL_SEQUENCE = [
  required('senderid'),
  required('password'),
  required('controlid'),
  optional('uniqueid'),
  optional('dtdversion'),
  optional('policyid'),
  optional('includewhitespace'),
  optional('debug'),
];
const OPERATION_SEQUENCE = [required('authentication'), optional('preferences'), required('content')];
const LOGIN_SEQUENCE = [required('userid'), required('companyid'), required('password'), optional('clientid'), optional('locationid')];

const controlEcho = (control: XmlElement | undefined): ControlEcho =>
  control
    ? {
        senderId: childText(control, 'senderid') ?? '',
        controlId: childText(control, 'controlid') ?? '',
        uniqueId: childText(control, 'uniqueid') || 'false',
        dtdVersion: childText(control, 'dtdversion') || '3.0',
      }
    : blankControl;

const readCredentials = (authentication: XmlElement): Credentials | string => {
  const [only, ...others] = authentication.children;
  if (!only || others.length > 0) return "Element 'authentication': Expected exactly one of ( login, sessionid, oauth ).";
  if (only.name === 'sessionid') return { kind: 'session', sessionId: only.text };
  if (only.name !== 'login') return `Element '${only.name}': This element is not expected. Expected is one of ( login, sessionid ).`;
  const problem = checkSequence(only, LOGIN_SEQUENCE);
  if (problem) return problem;
  return {
    kind: 'login',
    userId: childText(only, 'userid') ?? '',
    companyId: childText(only, 'companyid') ?? '',
    password: childText(only, 'password') ?? '',
    locationId: childText(only, 'locationid') ?? '',
  };
};

const readFunctions = (content: XmlElement): RequestedFunction[] | string => {
  const functions: RequestedFunction[] = [];
  for (const fn of content.children) {
    if (fn.name !== 'function') return `Element '${fn.name}': This element is not expected. Expected is ( function ).`;
    const controlId = fn.attributes['controlid'] ?? '';
    if (controlId === '' || controlId.length > 256) return "Element 'function', attribute 'controlid': must be 1 to 256 characters.";
    const [verb, ...extra] = fn.children;
    if (!verb || extra.length > 0) return "Element 'function': Expected exactly one function element.";
    functions.push({ controlId, verb });
  }
  return functions;
};

/** Reads the envelope in the order Intacct checks it; the first problem becomes XL03000003. */
export const readEnvelope = (root: XmlElement): EnvelopeReading => {
  const control = controlEcho(child(root, 'control'));
  const fail = (detail: string): EnvelopeReading => ({ control, error: parseError(detail) });

  if (root.name !== 'request') return fail(`Element '${root.name}': No matching global declaration available for the validation root.`);
  const rootProblem = checkSequence(root, [required('control'), oneOrMore('operation')]);
  if (rootProblem) return fail(rootProblem);
  const controlElement = child(root, 'control');
  const controlProblem = controlElement && checkSequence(controlElement, CONTROL_SEQUENCE);
  if (controlProblem) return fail(controlProblem);
  if (!['3.0', '2.1'].includes(control.dtdVersion)) return fail(`Element 'dtdversion': '${control.dtdVersion}' is not a valid value.`);
  if (!['true', 'false'].includes(control.uniqueId)) return fail(`Element 'uniqueid': '${control.uniqueId}' is not a valid value.`);

  const operations = childrenNamed(root, 'operation');
  const [operation] = operations;
  if (!operation || operations.length > 1) return fail('The simulator accepts exactly one <operation> per request.');
  const operationProblem = checkSequence(operation, OPERATION_SEQUENCE);
  if (operationProblem) return fail(operationProblem);

  const credentials = readCredentials(child(operation, 'authentication') ?? operation);
  if (typeof credentials === 'string') return fail(credentials);
  const content = child(operation, 'content') ?? operation;
  if (content.children.length === 0) return fail("Element 'content': Missing child element(s). Expected is ( function ).");
  const functions = readFunctions(content);
  if (typeof functions === 'string') return fail(functions);

  return {
    envelope: {
      control,
      senderPassword: childText(controlElement ?? root, 'password') ?? '',
      uniqueId: control.uniqueId === 'true',
      transaction: operation.attributes['transaction'] === 'true',
      credentials,
      functions,
    },
  };
};
