import { gatewayError } from '../gateway/gateway-errors.js';
import { element, leaf } from '../xml/xml-writer.js';
import { childText } from '../xml/xml-reader.js';
import type { FunctionHandler } from './function-handler.js';

/** getAPISession (external-apis §1.6): a session for later calls, and the endpoint to send them to. */
export const getApiSession: FunctionHandler = {
  run: (verb, context) => {
    if (!context.soleFunction) {
      return {
        ok: false,
        errors: [gatewayError('Get API Session Failed', '', 'getAPISession must be the only function in the request.')],
      };
    }
    const locationId = childText(verb, 'locationid') ?? context.locationId;
    const session = context.sessions.open(context.companyId, context.userId, locationId, context.now.getTime());
    return {
      ok: true,
      // The SDK fixtures echo this verb as "getSession".
      echoName: 'getSession',
      data: element('data', element('api', [leaf('sessionid', session.sessionId), leaf('endpoint', context.endpointUrl), leaf('locationid', locationId)])),
    };
  },
};
