import { document, element, leaf } from '../xml/xml-writer.js';
import type { GatewayError } from './gateway-errors.js';

/** What the request's `<control>` said, echoed back. Blank when the request could not be read. */
export interface ControlEcho {
  senderId: string;
  controlId: string;
  uniqueId: string;
  dtdVersion: string;
}

export const blankControl: ControlEcho = { senderId: '', controlId: '', uniqueId: 'false', dtdVersion: '3.0' };

export interface AuthenticationEcho {
  userId: string;
  companyId: string;
  locationId: string;
  sessionTimestamp?: string;
  sessionTimeout?: string;
}

export type FunctionReply =
  | { status: 'success'; functionName: string; controlId: string; key?: string; data?: string }
  | { status: 'failure' | 'aborted'; functionName: string; controlId: string; errors: GatewayError[] };

export const errorMessageXml = (errors: readonly GatewayError[]): string =>
  element(
    'errormessage',
    errors.map((e) =>
      element('error', [leaf('errorno', e.errorno), leaf('description', e.description), leaf('description2', e.description2), leaf('correction', e.correction)]),
    ),
  );

const controlXml = (status: 'success' | 'failure', control: ControlEcho): string =>
  element('control', [
    leaf('status', status),
    leaf('senderid', control.senderId),
    leaf('controlid', control.controlId),
    leaf('uniqueid', control.uniqueId),
    leaf('dtdversion', control.dtdVersion),
  ]);

/** Shape (a) of external-apis §1.3: no `<operation>` at all. */
export const controlFailureXml = (control: ControlEcho, errors: readonly GatewayError[]): string =>
  document(element('response', [controlXml('failure', control), errorMessageXml(errors)]));

/** Shape (b): control succeeded, authentication failed, no results. */
export const authenticationFailureXml = (control: ControlEcho, auth: Pick<AuthenticationEcho, 'userId' | 'companyId'>, errors: readonly GatewayError[]): string =>
  document(
    element('response', [
      controlXml('success', control),
      element('operation', [
        element('authentication', [leaf('status', 'failure'), leaf('userid', auth.userId), leaf('companyid', auth.companyId), leaf('locationid', '')]),
        errorMessageXml(errors),
      ]),
    ]),
  );

const resultXml = (reply: FunctionReply): string =>
  element('result', [
    leaf('status', reply.status),
    leaf('function', reply.functionName),
    leaf('controlid', reply.controlId),
    ...(reply.status === 'success'
      ? [reply.key === undefined ? '' : leaf('key', reply.key), reply.data ?? '']
      : [errorMessageXml(reply.errors)]),
  ]);

/** A processed operation: authentication block plus one result per function, in request order. */
export const operationXml = (control: ControlEcho, auth: AuthenticationEcho, results: readonly FunctionReply[]): string =>
  document(
    element('response', [
      controlXml('success', control),
      element('operation', [
        element('authentication', [
          leaf('status', 'success'),
          leaf('userid', auth.userId),
          leaf('companyid', auth.companyId),
          leaf('locationid', auth.locationId),
          auth.sessionTimestamp ? leaf('sessiontimestamp', auth.sessionTimestamp) : '',
          auth.sessionTimeout ? leaf('sessiontimeout', auth.sessionTimeout) : '',
        ]),
        ...results.map(resultXml),
      ]),
    ]),
  );
