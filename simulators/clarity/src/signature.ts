import { createHmac } from 'node:crypto';

/**
 * `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, one v1 per secret, each hex HMAC-SHA256 over
 * `${t}.${rawBody}`. Written independently of the connector's signer on purpose.
 */
export const claritySignatureHeader = (rawBody: string, secrets: readonly string[], timestampSeconds: number): string => {
  const signatures = secrets.map(
    (secret) => `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`, 'utf8').digest('hex')}`,
  );
  return [`t=${timestampSeconds}`, ...signatures].join(',');
};
