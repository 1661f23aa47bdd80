export { loadConfig, ConfigError } from './load-config.js';
export { env, commonEnvSchema, type CommonEnv } from './env.js';
