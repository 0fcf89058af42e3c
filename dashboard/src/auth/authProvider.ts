import { HttpError, type AuthProvider, type UserIdentity } from "ra-core";
import { NETWORK_ERROR_MESSAGE, type FetchFn } from "../dataProvider/graphqlClient";
import { canRoleAccess } from "./access";
import { ROLE_LABELS, type Role } from "./roles";
import { SessionStore, type Session, type StorageLike } from "./session";
import { clientTexts } from "../messages/app";

export const SESSION_EXPIRED_MESSAGE = clientTexts.sessionExpired;
export const LOGIN_FAILED_MESSAGE = clientTexts.loginFailed;
export const INVALID_RESPONSE_MESSAGE = clientTexts.invalidResponse;

/** Refresh the token when fewer than this many milliseconds remain (tokens live about 30 minutes). */
export const REFRESH_WITHIN_MS = 5 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 15_000;

export interface AuthProviderOptions {
  /** Origin (and path prefix) of the gateway; '' for the dashboard's own origin. */
  baseUrl?: string;
  storage: StorageLike;
  fetch?: FetchFn;
  now?: () => number;
  refreshWithinMs?: number;
  /** Called when the signed-in user changes (login, logout, session ended), e.g. to drop cached schema. */
  onSessionChange?: () => void;
}

export interface LoginParams {
  username: string;
  password: string;
}

export interface HamafzaIdentity extends UserIdentity {
  username: string;
  role: Role;
  roleLabel: string;
  provinceId: string | null;
  countyId: string | null;
  /** The NGO, agency or manager an invited user speaks for; null for staff. */
  boundId: string | null;
}

/** What react-admin gets when the session is missing or ended: go to the login page, with or without a notice. */
export interface AuthRejection {
  message: string | false;
}

export interface HamafzaAuthProvider extends AuthProvider {
  login(params: LoginParams): Promise<void>;
  getIdentity(): Promise<HamafzaIdentity>;
  getPermissions(): Promise<Role | undefined>;
  /** The token for the next API request, refreshed first when it is about to expire; null when signed out. */
  getFreshToken(): Promise<string | null>;
  /** The current session as stored, without any request. */
  currentSession(): Session | undefined;
}

interface ErrorBody {
  error?: { code?: string; message?: string; retryAfterSeconds?: number };
}

/**
 * The dashboard's react-admin authProvider over the gateway's `/auth/*` endpoints. The session (JWT, its expiry and
 * the user) is kept in storage under `hamafza.*`; the token is refreshed while the user is active, and a session the
 * server has ended (HTTP 401 / `UNAUTHENTICATED`) signs the user out.
 */
export function createAuthProvider(options: AuthProviderOptions): HamafzaAuthProvider {
  const store = new SessionStore(options.storage);
  const now = options.now ?? Date.now;
  const refreshWithin = options.refreshWithinMs ?? REFRESH_WITHIN_MS;
  const sessionChanged = () => options.onSessionChange?.();
  let refreshing: Promise<Session> | undefined;

  const post = async (path: string, body?: unknown, token?: string): Promise<Response> => {
    const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await fetchFn(`${options.baseUrl ?? ""}${path}`, {
        method: "POST",
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new HttpError(NETWORK_ERROR_MESSAGE, 0, { cause: String(error) });
    }
  };

  const endSession = (): never => {
    store.clear();
    sessionChanged();
    throw { message: SESSION_EXPIRED_MESSAGE } satisfies AuthRejection;
  };

  const saveSession = async (response: Response): Promise<Session> => {
    try {
      return store.save(await response.json());
    } catch {
      throw new HttpError(INVALID_RESPONSE_MESSAGE, 500);
    }
  };

  const refreshNow = async (): Promise<Session> => {
    const current = store.read();
    if (!current) throw { message: false } satisfies AuthRejection;
    const response = await post("/auth/refresh", undefined, current.token);
    if (response.status === 401) {
      // Another tab may have refreshed (and so replaced) this token meanwhile: keep its session.
      const latest = store.read();
      if (latest && latest.token !== current.token && latest.expiresAt > now()) return latest;
      return endSession();
    }
    if (!response.ok) throw await failure(response, INVALID_RESPONSE_MESSAGE);
    return saveSession(response);
  };

  const refresh = (): Promise<Session> => {
    refreshing ??= refreshNow().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };

  const needsRefresh = (session: Session) => session.expiresAt - now() < refreshWithin;

  return {
    async login({ username, password }: LoginParams) {
      const response = await post("/auth/login", { username: username.trim(), password });
      if (!response.ok) throw await failure(response, LOGIN_FAILED_MESSAGE);
      await saveSession(response);
      sessionChanged();
    },

    async logout() {
      const session = store.read();
      store.clear();
      sessionChanged();
      if (!session || session.expiresAt <= now()) return;
      try {
        await post("/auth/logout", undefined, session.token);
      } catch {
        // Signed out locally all the same; the server's session expires on its own.
      }
    },

    async checkAuth() {
      const session = store.read();
      if (!session) throw { message: false } satisfies AuthRejection;
      if (session.expiresAt <= now()) endSession();
      if (!needsRefresh(session)) return;
      try {
        await refresh();
      } catch (error) {
        // A session the server ended signs out; a network hiccup keeps the still-valid token.
        if (!(error instanceof HttpError)) throw error;
      }
    },

    async checkError(error: unknown) {
      if (isUnauthenticated(error)) endSession();
      // FORBIDDEN (403) keeps the user signed in: the page shows the server's message.
    },

    async getIdentity() {
      const session = store.read();
      if (!session) throw { message: false } satisfies AuthRejection;
      const { user } = session;
      return {
        id: user.id,
        fullName: user.displayName,
        username: user.username,
        role: user.role,
        roleLabel: ROLE_LABELS[user.role],
        provinceId: user.provinceId,
        countyId: user.countyId,
        boundId: user.boundId,
      };
    },

    async getPermissions() {
      return store.read()?.user.role;
    },

    async canAccess({ action, resource }: { action: string; resource: string }) {
      return canRoleAccess(store.read()?.user.role, { action, resource });
    },

    async getFreshToken() {
      const session = store.read();
      if (!session) return null;
      if (!needsRefresh(session) || session.expiresAt <= now()) return session.token;
      try {
        return (await refresh()).token;
      } catch (error) {
        return error instanceof HttpError ? session.token : null;
      }
    },

    currentSession: () => store.read(),
  };
}

function isUnauthenticated(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { status, body } = error as { status?: unknown; body?: { code?: unknown } | null };
  return status === 401 || body?.code === "UNAUTHENTICATED";
}

async function failure(response: Response, fallback: string): Promise<HttpError> {
  let body: ErrorBody | undefined;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  return new HttpError(error?.message || fallback, response.status, {
    code: error?.code,
    retryAfterSeconds: error?.retryAfterSeconds,
  });
}
