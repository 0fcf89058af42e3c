import { isRole, type Role } from "./roles";

export const TOKEN_STORAGE_KEY = "hamafza.token";
export const EXPIRES_AT_STORAGE_KEY = "hamafza.expiresAt";
export const USER_STORAGE_KEY = "hamafza.user";

/** The signed-in user as `POST /auth/login` and `/auth/refresh` describe them. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  provinceId: string | null;
  countyId: string | null;
  /** The NGO, agency or manager an invited user speaks for; null for staff. */
  boundId: string | null;
}

export interface Session {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  user: SessionUser;
}

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The session kept in (local) storage, shared by every tab of the dashboard. */
export class SessionStore {
  constructor(private readonly storage: StorageLike) {}

  read(): Session | undefined {
    const token = this.storage.getItem(TOKEN_STORAGE_KEY);
    const expiresAt = Date.parse(this.storage.getItem(EXPIRES_AT_STORAGE_KEY) ?? "");
    const user = parseUser(safeJson(this.storage.getItem(USER_STORAGE_KEY)));
    if (!token || Number.isNaN(expiresAt) || !user) return undefined;
    return { token, expiresAt, user };
  }

  token(): string | null {
    return this.read()?.token ?? null;
  }

  /** Stores the body of a successful login or refresh; throws when it is not one. */
  save(body: unknown): Session {
    const session = parseAuthResponse(body);
    if (!session) throw new Error("invalid session response");
    this.storage.setItem(TOKEN_STORAGE_KEY, session.token);
    this.storage.setItem(EXPIRES_AT_STORAGE_KEY, new Date(session.expiresAt).toISOString());
    this.storage.setItem(USER_STORAGE_KEY, JSON.stringify(session.user));
    return session;
  }

  clear(): void {
    for (const key of [TOKEN_STORAGE_KEY, EXPIRES_AT_STORAGE_KEY, USER_STORAGE_KEY]) this.storage.removeItem(key);
  }
}

export function parseAuthResponse(body: unknown): Session | undefined {
  if (!isObject(body) || typeof body.token !== "string" || !body.token) return undefined;
  const expiresAt = typeof body.expiresAt === "string" ? Date.parse(body.expiresAt) : Number.NaN;
  const user = parseUser(body.user);
  if (Number.isNaN(expiresAt) || !user) return undefined;
  return { token: body.token, expiresAt, user };
}

function parseUser(value: unknown): SessionUser | undefined {
  if (!isObject(value) || !isRole(value.role)) return undefined;
  const { id, username, displayName } = value;
  if (typeof id !== "string" || typeof username !== "string") return undefined;
  return {
    id,
    username,
    displayName: typeof displayName === "string" && displayName ? displayName : username,
    role: value.role,
    provinceId: optionalId(value.provinceId),
    countyId: optionalId(value.countyId),
    boundId: optionalId(value.boundId),
  };
}

function optionalId(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

function safeJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
