import { randomBytes } from 'node:crypto';

export interface ApiSession {
  sessionId: string;
  companyId: string;
  userId: string;
  locationId: string;
  expiresAt: number;
}

/** getAPISession sessions with a sliding inactivity timeout, as Intacct extends them on every call. */
export class SessionStore {
  private readonly sessions = new Map<string, ApiSession>();

  constructor(private readonly timeoutMs: number) {}

  open(companyId: string, userId: string, locationId: string, now: number): ApiSession {
    // Shaped like real session ids: opaque, URL-safe, ending in dots.
    const session = { sessionId: `${randomBytes(24).toString('base64url')}..`, companyId, userId, locationId, expiresAt: now + this.timeoutMs };
    this.sessions.set(session.sessionId, session);
    return session;
  }

  /** The live session, its expiry pushed forward; undefined when unknown or expired. */
  use(sessionId: string, now: number): ApiSession | undefined {
    const session = this.sessions.get(sessionId);
    if (!session) return undefined;
    if (session.expiresAt <= now) {
      this.sessions.delete(sessionId);
      return undefined;
    }
    session.expiresAt = now + this.timeoutMs;
    return session;
  }

  expiresAt(now: number): number {
    return now + this.timeoutMs;
  }

  expireAll(): void {
    this.sessions.clear();
  }
}
