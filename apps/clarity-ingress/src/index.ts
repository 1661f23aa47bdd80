export { createClarityIngress } from './clarity-ingress.app.js';
export { eventIdFor } from './event-id.js';
