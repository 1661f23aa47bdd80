import { randomBytes } from 'node:crypto';

export interface Session {
  token: string;
  clientId: string;
  userId: string;
  issuedAt: number;
}

/** Access tokens issued by the token endpoint; expiring them makes every call answer INVALID_SESSION_ID. */
export class TokenStore {
  private readonly sessions = new Map<string, Session>();
  private issued = 0;

  constructor(
    readonly orgId: string,
    private readonly ttlMs: number | undefined,
  ) {}

  issue(clientId: string, userId: string): Session {
    this.issued += 1;
    const token = `${this.orgId.slice(0, 15)}!AQ${randomBytes(24).toString('base64url')}`;
    const session = { token, clientId, userId, issuedAt: Date.now() };
    this.sessions.set(token, session);
    return session;
  }

  verify(token: string | undefined): Session | undefined {
    if (!token) return undefined;
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (this.ttlMs !== undefined && Date.now() - session.issuedAt > this.ttlMs) {
      this.sessions.delete(token);
      return undefined;
    }
    return session;
  }

  revoke(token: string): void {
    this.sessions.delete(token);
  }

  expireAll(): void {
    this.sessions.clear();
  }

  issuedCount(): number {
    return this.issued;
  }
}

/** The token of an `Authorization: Bearer …` (REST) or `OAuth …` (CometD) header. */
export const tokenOf = (header: string | undefined): string | undefined => {
  const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
};
