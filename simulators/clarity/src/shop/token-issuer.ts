import { randomBytes, timingSafeEqual } from 'node:crypto';

interface Issued {
  readonly clientId: string;
  readonly expiresAt: number;
}

export type TokenRequestOutcome =
  | { kind: 'issued'; body: { access_token: string; token_type: 'Bearer'; expires_in: number; scope?: string } }
  | { kind: 'refused'; status: 400 | 401; body: { error: string; error_description: string } };

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** RFC 6749 §2.3.1: Basic credentials are form-encoded before base64. */
const formDecode = (value: string) => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
};

/** Client id and secret from `Authorization: Basic` or, failing that, the form. */
export const clientCredentials = (authorization: string | undefined, form: URLSearchParams): { clientId: string; clientSecret: string } | undefined => {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  }
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
};

/** OAuth 2.0 client credentials grant with opaque bearer tokens. */
export class TokenIssuer {
  private readonly tokens = new Map<string, Issued>();
  issued = 0;
  refused = 0;

  constructor(
    private readonly clients: ReadonlyArray<{ clientId: string; clientSecret: string }>,
    private readonly ttlSeconds: number,
  ) {}

  request(authorization: string | undefined, form: URLSearchParams, now = Date.now()): TokenRequestOutcome {
    const credentials = clientCredentials(authorization, form);
    const client = credentials && this.clients.find((c) => c.clientId === credentials.clientId && sameText(c.clientSecret, credentials.clientSecret));
    if (!client) {
      this.refused += 1;
      return { kind: 'refused', status: 401, body: { error: 'invalid_client', error_description: 'client authentication failed' } };
    }
    if (form.get('grant_type') !== 'client_credentials') {
      this.refused += 1;
      return { kind: 'refused', status: 400, body: { error: 'unsupported_grant_type', error_description: 'only client_credentials is supported' } };
    }
    const token = `clr_${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { clientId: client.clientId, expiresAt: now + this.ttlSeconds * 1000 });
    this.issued += 1;
    const scope = form.get('scope');
    return { kind: 'issued', body: { access_token: token, token_type: 'Bearer', expires_in: this.ttlSeconds, ...(scope ? { scope } : {}) } };
  }

  /** The client a bearer token belongs to, or undefined when it is unknown or expired. */
  verify(authorization: string | undefined, now = Date.now()): string | undefined {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const issued = bearer ? this.tokens.get(bearer[1]!) : undefined;
    return issued && now < issued.expiresAt ? issued.clientId : undefined;
  }

  expireAll(): void {
    this.tokens.clear();
  }

  reset(): void {
    this.tokens.clear();
    this.issued = 0;
    this.refused = 0;
  }
}
