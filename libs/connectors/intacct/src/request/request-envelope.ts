import { ATTRIBUTE_PREFIX, buildXml, type XmlTree } from '../xml/xml-codec.js';

export interface SenderControl {
  senderId: string;
  senderPassword: string;
  /** Echoed back only; Intacct does not dedupe on it. */
  requestControlId: string;
}

export type Authentication =
  | { kind: 'login'; userId: string; companyId: string; password: string; locationId?: string }
  | { kind: 'session'; sessionId: string };

/** One `<function>`: its controlid (the idempotency key under uniqueid=true) and its verb element. */
export interface IntacctFunction {
  controlId: string;
  /** Verb name, for metrics: `create_sotransaction`, `readByQuery`, … */
  name: string;
  body: XmlTree;
}

const authenticationXml = (auth: Authentication): XmlTree =>
  auth.kind === 'session'
    ? { sessionid: auth.sessionId }
    : {
        login: {
          userid: auth.userId,
          companyid: auth.companyId,
          password: auth.password,
          locationid: auth.locationId,
        },
      };

/** The `<request>` document (external-apis §1.2), with uniqueid=true so a replayed function is refused. */
export const buildRequestXml = (control: SenderControl, auth: Authentication, functions: readonly IntacctFunction[]): string =>
  buildXml({
    request: {
      control: {
        senderid: control.senderId,
        password: control.senderPassword,
        controlid: control.requestControlId,
        uniqueid: 'true',
        dtdversion: '3.0',
        includewhitespace: 'false',
      },
      operation: {
        [`${ATTRIBUTE_PREFIX}transaction`]: 'false',
        authentication: authenticationXml(auth),
        content: {
          function: functions.map((fn) => ({ [`${ATTRIBUTE_PREFIX}controlid`]: fn.controlId, ...fn.body })),
        },
      },
    },
  });
