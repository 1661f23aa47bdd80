export { waitFor, sleep, withTimeout } from './wait-for.js';
export { stackEnv, uniquePrefix } from './stack-env.js';
export { InMemoryLedger } from './in-memory-ledger.js';
export { FaultProxy, type FaultMode, type FaultProxyOptions, type FaultProxyStats } from './fault-proxy.js';
