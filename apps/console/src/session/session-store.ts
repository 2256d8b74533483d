/**
 * The signed-in session, shared by every tab of this browser (localStorage), so a link opened from an
 * e-mail in a new tab is already signed in. Refresh tokens rotate and a reused one revokes the whole
 * session, so tabs refresh one at a time under a Web Lock and take each other's new tokens.
 */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly mustChangePassword: boolean;
}

export interface StoredSession {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch ms when the access token stops being accepted. */
  readonly expiresAt: number;
  readonly mustChangePassword: boolean;
}

const KEY = 'bihuan.session';
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: StoredSession | null } = { raw: null, session: null };

function parse(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    return typeof value.accessToken === 'string' && typeof value.refreshToken === 'string' ? (value as StoredSession) : null;
  } catch {
    return null;
  }
}

export const sessionStore = {
  /** The current session (the same object until it changes, as useSyncExternalStore needs). */
  read(): StoredSession | null {
    const raw = localStorage.getItem(KEY);
    if (raw !== cached.raw) cached = { raw, session: parse(raw) };
    return cached.session;
  },
  write(tokens: SessionTokens): StoredSession {
    const session: StoredSession = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
      mustChangePassword: tokens.mustChangePassword,
    };
    localStorage.setItem(KEY, JSON.stringify(session));
    listeners.forEach((listener) => listener());
    return session;
  },
  clear(): void {
    localStorage.removeItem(KEY);
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    const fromOtherTab = (event: StorageEvent): void => {
      if (event.key === KEY || event.key === null) listener();
    };
    window.addEventListener('storage', fromOtherTab);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', fromOtherTab);
    };
  },
};

/** Runs `work` while no other tab of this browser refreshes (Web Locks; alone where unsupported). */
export async function exclusively<T>(work: () => Promise<T>): Promise<T> {
  if (!navigator.locks) return work();
  return await navigator.locks.request('bihuan.session.refresh', work);
}
