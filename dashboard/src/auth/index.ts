import { createAuthProvider } from "./authProvider";

/** Where `/auth/*` lives: beside `/graphql` on the gateway (the dashboard's own origin by default). */
export const authBaseUrl = (import.meta.env.VITE_GRAPHQL_URL || "/graphql").replace(/\/graphql\/?$/, "");

const listeners = new Set<() => void>();

export const authProvider = Object.assign(
  createAuthProvider({
    baseUrl: authBaseUrl,
    storage: window.localStorage,
    onSessionChange: () => listeners.forEach((listener) => listener()),
  }),
  {
    /** Subscribes to changes of the signed-in user (login, logout, session ended). */
    onSessionChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  },
);
