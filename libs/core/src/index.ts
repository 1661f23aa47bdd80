export { IntegrationError, asIntegrationError, retryAfterMs } from './integration-error.js';
export { ok, err, assertNever, type Result } from './result.js';
