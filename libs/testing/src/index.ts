export { waitFor, sleep } from './wait-for.js';
export { stackEnv, uniquePrefix } from './stack-env.js';
export { InMemoryLedger } from './in-memory-ledger.js';
