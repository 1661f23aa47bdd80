export { IntegrationError, asIntegrationError, retryAfterMs } from './integration-error.js';
export { ok, err, assertNever, type Result } from './result.js';
export { nameBasedUuid } from './name-based-uuid.js';
export { RequestSlots, MAX_HOLD_MS, joinSharedSlots, type ReleaseSlot } from './request-slots.js';
export { withTimeout } from './with-timeout.js';
