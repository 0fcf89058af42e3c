import { describe, expect, it } from "@jest/globals";
import { HttpError } from "ra-core";
import {
  createAuthProvider,
  LOGIN_FAILED_MESSAGE,
  REFRESH_WITHIN_MS,
  SESSION_EXPIRED_MESSAGE,
  type AuthProviderOptions,
} from "../src/auth/authProvider";
import { canRoleAccess } from "../src/auth/access";
import { BOUND_ROLES, ROLE_LABELS, ROLES, STAFF_ROLES, type Role } from "../src/auth/roles";
import { EXPIRES_AT_STORAGE_KEY, TOKEN_STORAGE_KEY, USER_STORAGE_KEY, type StorageLike } from "../src/auth/session";
import { NETWORK_ERROR_MESSAGE } from "../src/dataProvider/graphqlClient";

const MINUTE = 60_000;
const WRONG = "نام کاربری یا گذرواژه نادرست است.";
const LOCKED = "به دلیل تلاش‌های ناموفق پیاپی، ورود برای مدتی بسته شده است؛ ۵ دقیقه دیگر دوباره تلاش کنید.";
const PASSWORD = "Hamafza@1404";

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

interface Call {
  url: string;
  method?: string;
  authorization?: string;
  body?: unknown;
}

const province = {
  id: "b0b5e7b6-3f38-4f4f-9a51-1a7d2f0c0001",
  username: "demo.province",
  displayName: "کارشناس استانداری زنجان",
  role: "PROVINCE_OFFICER",
  provinceId: "19",
  countyId: null,
  boundId: null,
};

/** A stand-in for the gateway's /auth endpoints, on a clock the test moves. */
class FakeAuthServer {
  now = Date.parse("2025-06-21T08:00:00.000Z");
  readonly calls: Call[] = [];
  readonly live = new Set<string>();
  private issued = 0;
  lockedFor = 0;
  down = false;

  readonly fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    this.calls.push({ url, method: init.method, authorization: headers.Authorization, body });
    if (this.down) throw new TypeError("Failed to fetch");
    const token = headers.Authorization?.replace(/^Bearer /, "");
    switch (url) {
      case "/auth/login":
        if (this.lockedFor)
          return json(429, { error: { code: "LOCKED", message: LOCKED, retryAfterSeconds: this.lockedFor } });
        if (body.username !== province.username || body.password !== PASSWORD) {
          return json(401, { error: { code: "UNAUTHENTICATED", message: WRONG } });
        }
        return json(200, this.issue());
      case "/auth/refresh":
        if (!token || !this.live.has(token))
          return json(401, { error: { code: "UNAUTHENTICATED", message: "نشست پایان یافته است." } });
        return json(200, this.issue());
      case "/auth/logout":
        if (token) this.live.delete(token);
        return new Response(null, { status: 204 });
      default:
        return json(404, {});
    }
  };

  private issue() {
    const token = `token-${++this.issued}`;
    this.live.add(token);
    return { token, expiresAt: new Date(this.now + 30 * MINUTE).toISOString(), user: province };
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function setup(overrides: Partial<AuthProviderOptions> = {}) {
  const server = new FakeAuthServer();
  const storage = new MemoryStorage();
  let sessionChanges = 0;
  const auth = createAuthProvider({
    storage,
    fetch: server.fetch,
    now: () => server.now,
    onSessionChange: () => sessionChanges++,
    ...overrides,
  });
  return { server, storage, auth, sessionChanges: () => sessionChanges };
}

async function signedIn() {
  const context = setup();
  await context.auth.login({ username: " demo.province ", password: PASSWORD });
  return context;
}

describe("authProvider: login", () => {
  it("posts the credentials and keeps token, expiry and user under hamafza.*", async () => {
    const { server, storage, auth, sessionChanges } = await signedIn();
    expect(server.calls).toEqual([
      {
        url: "/auth/login",
        method: "POST",
        authorization: undefined,
        body: { username: "demo.province", password: PASSWORD },
      },
    ]);
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe("token-1");
    expect(Date.parse(storage.getItem(EXPIRES_AT_STORAGE_KEY)!)).toBe(server.now + 30 * MINUTE);
    expect(JSON.parse(storage.getItem(USER_STORAGE_KEY)!)).toEqual(province);
    expect(sessionChanges()).toBe(1);
    await expect(auth.getPermissions()).resolves.toBe("PROVINCE_OFFICER");
    await expect(auth.getIdentity()).resolves.toEqual({
      id: province.id,
      fullName: province.displayName,
      username: province.username,
      role: "PROVINCE_OFFICER",
      roleLabel: "کارشناس استانداری",
      provinceId: "19",
      countyId: null,
      boundId: null,
    });
  });

  it("rejects a wrong password with the server's Persian message and keeps nothing", async () => {
    const { storage, auth, sessionChanges } = setup();
    await expect(auth.login({ username: "demo.province", password: "wrong" })).rejects.toMatchObject({
      message: WRONG,
      status: 401,
      body: { code: "UNAUTHENTICATED" },
    });
    expect(storage.items.size).toBe(0);
    expect(sessionChanges()).toBe(0);
  });

  it("passes the lock-out message and the wait on", async () => {
    const { server, auth } = setup();
    server.lockedFor = 300;
    await expect(auth.login({ username: "demo.province", password: PASSWORD })).rejects.toMatchObject({
      message: LOCKED,
      status: 429,
      body: { code: "LOCKED", retryAfterSeconds: 300 },
    });
  });

  it("explains an unreachable server and an answer without a message in Persian", async () => {
    const { server, auth } = setup();
    server.down = true;
    await expect(auth.login({ username: "demo.province", password: PASSWORD })).rejects.toMatchObject({
      message: NETWORK_ERROR_MESSAGE,
      status: 0,
    });
    const bare = setup({ fetch: async () => new Response("<html>bad gateway</html>", { status: 502 }) });
    await expect(bare.auth.login({ username: "demo.province", password: PASSWORD })).rejects.toMatchObject({
      message: LOGIN_FAILED_MESSAGE,
      status: 502,
    });
  });

  it("refuses a 200 answer that is not a session", async () => {
    const { auth, storage } = setup({ fetch: async () => json(200, { token: "x" }) });
    await expect(auth.login({ username: "a", password: "b" })).rejects.toBeInstanceOf(HttpError);
    expect(storage.items.size).toBe(0);
  });
});

describe("authProvider: checkAuth and refresh", () => {
  it("sends a visitor without a session to the login page without a notice", async () => {
    const { auth } = setup();
    await expect(auth.checkAuth({})).rejects.toEqual({ message: false });
    await expect(auth.getPermissions()).resolves.toBeUndefined();
    await expect(auth.canAccess!({ action: "list", resource: "ngos" })).resolves.toBe(false);
  });

  it("accepts a fresh token without asking the server", async () => {
    const { server, auth } = await signedIn();
    server.now += 20 * MINUTE;
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    expect(server.calls).toHaveLength(1);
  });

  it("refreshes once when fewer than five minutes remain, even for concurrent checks", async () => {
    const { server, storage, auth, sessionChanges } = await signedIn();
    server.now += 30 * MINUTE - REFRESH_WITHIN_MS + 1;
    await Promise.all([auth.checkAuth({}), auth.checkAuth({}), auth.getFreshToken()]);
    const refreshes = server.calls.filter((call) => call.url === "/auth/refresh");
    expect(refreshes).toEqual([
      { url: "/auth/refresh", method: "POST", authorization: "Bearer token-1", body: undefined },
    ]);
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe("token-2");
    expect(Date.parse(storage.getItem(EXPIRES_AT_STORAGE_KEY)!)).toBe(server.now + 30 * MINUTE);
    await expect(auth.getFreshToken()).resolves.toBe("token-2");
    expect(sessionChanges()).toBe(1);
  });

  it("signs out with a notice once the token has expired", async () => {
    const { server, storage, auth, sessionChanges } = await signedIn();
    server.now += 30 * MINUTE;
    await expect(auth.checkAuth({})).rejects.toEqual({ message: SESSION_EXPIRED_MESSAGE });
    expect(storage.items.size).toBe(0);
    expect(sessionChanges()).toBe(2);
  });

  it("signs out when the server has ended the session", async () => {
    const { server, storage, auth } = await signedIn();
    server.live.clear();
    server.now += 28 * MINUTE;
    await expect(auth.checkAuth({})).rejects.toEqual({ message: SESSION_EXPIRED_MESSAGE });
    expect(storage.items.size).toBe(0);
    await expect(auth.getFreshToken()).resolves.toBeNull();
  });

  it("keeps a still-valid token when the refresh cannot reach the server", async () => {
    const { server, storage, auth } = await signedIn();
    server.now += 28 * MINUTE;
    server.down = true;
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    await expect(auth.getFreshToken()).resolves.toBe("token-1");
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe("token-1");
  });

  it("keeps the session another tab refreshed meanwhile instead of signing out", async () => {
    const { server, storage, auth } = await signedIn();
    server.now += 28 * MINUTE;
    // The other tab's refresh replaced token-1 (now refused) with token-9 in the shared storage.
    const otherTab = { ...JSON.parse(storage.getItem(USER_STORAGE_KEY)!) };
    const realFetch = server.fetch;
    const racing = createAuthProvider({
      storage,
      now: () => server.now,
      fetch: async (url, init) => {
        storage.setItem(TOKEN_STORAGE_KEY, "token-9");
        storage.setItem(EXPIRES_AT_STORAGE_KEY, new Date(server.now + 30 * MINUTE).toISOString());
        storage.setItem(USER_STORAGE_KEY, JSON.stringify(otherTab));
        server.live.clear();
        return realFetch(url, init);
      },
    });
    await expect(racing.checkAuth({})).resolves.toBeUndefined();
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe("token-9");
    expect(auth.currentSession()?.token).toBe("token-9");
  });
});

describe("authProvider: checkError and logout", () => {
  it("signs out on 401 or UNAUTHENTICATED, but not on FORBIDDEN", async () => {
    const { storage, auth } = await signedIn();
    await expect(auth.checkError(new HttpError("دسترسی ندارید.", 403, { code: "FORBIDDEN" }))).resolves.toBeUndefined();
    await expect(auth.checkError(new HttpError("نامعتبر", 400, { code: "BAD_USER_INPUT" }))).resolves.toBeUndefined();
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe("token-1");
    await expect(auth.checkError(new HttpError("وارد شوید.", 401, { code: "UNAUTHENTICATED" }))).rejects.toEqual({
      message: SESSION_EXPIRED_MESSAGE,
    });
    expect(storage.items.size).toBe(0);

    const other = await signedIn();
    await expect(other.auth.checkError({ status: 200, body: { code: "UNAUTHENTICATED" } })).rejects.toBeDefined();
  });

  it("ends the session on the server and always clears it locally", async () => {
    const { server, storage, auth, sessionChanges } = await signedIn();
    await auth.logout({});
    expect(server.calls.at(-1)).toEqual({
      url: "/auth/logout",
      method: "POST",
      authorization: "Bearer token-1",
      body: undefined,
    });
    expect(server.live.size).toBe(0);
    expect(storage.items.size).toBe(0);
    expect(sessionChanges()).toBe(2);

    const offline = await signedIn();
    offline.server.down = true;
    await expect(offline.auth.logout({})).resolves.toBeUndefined();
    expect(offline.storage.items.size).toBe(0);
  });

  it("does not call the server to end an already expired session", async () => {
    const { server, auth } = await signedIn();
    server.now += 31 * MINUTE;
    await auth.logout({});
    expect(server.calls.map((call) => call.url)).toEqual(["/auth/login"]);
  });
});

describe("access by role", () => {
  const menu = (role: Role) =>
    ["ngos", "meetings", "provinces", "counties", "users", "auditEntries"].filter((resource) =>
      canRoleAccess(role, { action: "list", resource }),
    );

  it("shows users to administrators only and the audit log to administrators and evaluators", () => {
    expect(menu("ADMIN")).toEqual(["ngos", "meetings", "provinces", "counties", "users", "auditEntries"]);
    expect(menu("EVALUATOR")).toEqual(["ngos", "meetings", "provinces", "counties", "auditEntries"]);
    for (const role of ["PROVINCE_OFFICER", "COUNTY_OFFICER", "ANALYST"] as const) {
      expect(menu(role)).toEqual(["ngos", "meetings", "provinces", "counties"]);
    }
  });

  it("lets only administrators and officers create, edit and delete NGOs and meetings", () => {
    for (const role of STAFF_ROLES) {
      const editor = ["ADMIN", "PROVINCE_OFFICER", "COUNTY_OFFICER"].includes(role);
      for (const resource of ["ngos", "meetings"]) {
        for (const action of ["create", "edit", "delete", "clone"]) {
          expect([role, resource, action, canRoleAccess(role, { action, resource })]).toEqual([
            role,
            resource,
            action,
            editor,
          ]);
        }
        expect(canRoleAccess(role, { action: "show", resource })).toBe(true);
      }
    }
  });

  const REGISTRY = [
    "licences",
    "agencies",
    "managers",
    "informalSettlementAreas",
    "ngoHouses",
    "ngoNetworks",
    "facilitationOffices",
  ];

  it("lets officers and administrators edit the registry; evaluators and analysts only read it", () => {
    for (const role of STAFF_ROLES) {
      const editor = ["ADMIN", "PROVINCE_OFFICER", "COUNTY_OFFICER"].includes(role);
      for (const resource of ["ngos", ...REGISTRY]) {
        expect([role, resource, canRoleAccess(role, { action: "list", resource })]).toEqual([role, resource, true]);
        expect([role, resource, canRoleAccess(role, { action: "show", resource })]).toEqual([role, resource, true]);
        expect([role, resource, canRoleAccess(role, { action: "edit", resource })]).toEqual([role, resource, editor]);
      }
      // The CSV import writes NGOs.
      expect([role, canRoleAccess(role, { action: "import", resource: "ngos" })]).toEqual([role, editor]);
      for (const page of ["ngoDuplicates", "parallelWork"]) {
        expect(canRoleAccess(role, { action: "list", resource: page })).toBe(true);
        expect(canRoleAccess(role, { action: "edit", resource: page })).toBe(false);
      }
    }
  });

  it("leaves the taxonomy of fields of activity and the geography to administrators", () => {
    for (const role of STAFF_ROLES) {
      expect(canRoleAccess(role, { action: "list", resource: "fieldsOfActivity" })).toBe(true);
      expect([role, canRoleAccess(role, { action: "edit", resource: "fieldsOfActivity" })]).toEqual([
        role,
        role === "ADMIN",
      ]);
      expect([role, canRoleAccess(role, { action: "create", resource: "fieldsOfActivity" })]).toEqual([
        role,
        role === "ADMIN",
      ]);
      // Provinces and counties have no mutation in the API (yet).
      expect(canRoleAccess(role, { action: "edit", resource: "counties" })).toBe(false);
    }
  });

  it("issues licences from the NGO page, never through a licence create page", () => {
    expect(ROLES.filter((role) => canRoleAccess(role, { action: "create", resource: "licences" }))).toEqual([]);
    expect(canRoleAccess("COUNTY_OFFICER", { action: "edit", resource: "licences" })).toBe(true);
  });

  it("never offers deleting users or writing the audit log", () => {
    expect(canRoleAccess("ADMIN", { action: "create", resource: "users" })).toBe(true);
    expect(canRoleAccess("ADMIN", { action: "edit", resource: "users" })).toBe(true);
    expect(canRoleAccess("ADMIN", { action: "delete", resource: "users" })).toBe(false);
    for (const action of ["create", "edit", "delete"]) {
      expect(ROLES.filter((role) => canRoleAccess(role, { action, resource: "auditEntries" }))).toEqual([]);
    }
    expect(canRoleAccess(undefined, { action: "list", resource: "ngos" })).toBe(false);
  });

  it("answers canAccess from the stored role", async () => {
    const { auth } = await signedIn();
    await expect(auth.canAccess!({ action: "list", resource: "users" })).resolves.toBe(false);
    await expect(auth.canAccess!({ action: "create", resource: "ngos" })).resolves.toBe(true);
  });

  it("shows invited users none of the staff pages, only their own", () => {
    const staffResources = [...REGISTRY, "ngos", "meetings", "demands", "proposals", "analytics", "invitedUsers"];
    for (const role of BOUND_ROLES) {
      for (const resource of [...staffResources, "users", "auditEntries", "fieldsOfActivity", "provinces"]) {
        for (const action of ["list", "show", "create", "edit", "delete"]) {
          expect([role, resource, action, canRoleAccess(role, { action, resource })]).toEqual([
            role,
            resource,
            action,
            false,
          ]);
        }
      }
    }
    const own = (resource: string) => ROLES.filter((role) => canRoleAccess(role, { action: "list", resource }));
    expect(own("myNgo")).toEqual(["NGO_REPRESENTATIVE"]);
    expect(own("myAgency")).toEqual(["AGENCY_RESPONDENT"]);
    expect(own("myResults")).toEqual(["MANAGER"]);
    // Change requests of regulated NGO fields: the representative reads their own, officers decide them.
    expect(own("ngoChangeRequests")).toEqual(["ADMIN", "PROVINCE_OFFICER", "COUNTY_OFFICER", "NGO_REPRESENTATIVE"]);
    expect(ROLES.filter((role) => canRoleAccess(role, { action: "edit", resource: "ngoChangeRequests" }))).toEqual([
      "ADMIN",
      "PROVINCE_OFFICER",
      "COUNTY_OFFICER",
    ]);
  });

  it("has a Persian label for every role", () => {
    expect(Object.keys(ROLE_LABELS)).toEqual([
      "ADMIN",
      "PROVINCE_OFFICER",
      "COUNTY_OFFICER",
      "EVALUATOR",
      "ANALYST",
      "NGO_REPRESENTATIVE",
      "AGENCY_RESPONDENT",
      "MANAGER",
    ]);
    expect(STAFF_ROLES).toEqual(["ADMIN", "PROVINCE_OFFICER", "COUNTY_OFFICER", "EVALUATOR", "ANALYST"]);
    for (const label of Object.values(ROLE_LABELS)) expect(label).toMatch(/^[\u0600-\u06FF\u200c ]+$/);
  });
});
