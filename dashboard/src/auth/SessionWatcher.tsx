import { useEffect } from "react";
import { useAuthProvider, useCheckAuth } from "react-admin";
import { REFRESH_WITHIN_MS, type HamafzaAuthProvider } from "./authProvider";

const TICK_MS = 15_000;
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;

/**
 * Keeps the session honest while a page stays open: refreshes the token shortly before it expires if the user has
 * been active meanwhile, and signs out (to the login page) once it has expired or was ended in another tab.
 */
export const SessionWatcher = () => {
  const authProvider = useAuthProvider<HamafzaAuthProvider>();
  const checkAuth = useCheckAuth();

  useEffect(() => {
    if (!authProvider) return;
    let lastActivity = Date.now();
    const markActive = () => {
      lastActivity = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, markActive, { passive: true });
    const timer = window.setInterval(() => {
      const session = authProvider.currentSession();
      const remaining = session ? session.expiresAt - Date.now() : 0;
      if (remaining <= 0) {
        // Rejects, which signs out and shows the login page with the reason.
        checkAuth().catch(() => undefined);
      } else if (remaining < REFRESH_WITHIN_MS && Date.now() - lastActivity < REFRESH_WITHIN_MS) {
        authProvider.getFreshToken().catch(() => undefined);
      }
    }, TICK_MS);
    return () => {
      window.clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, markActive);
    };
  }, [authProvider, checkAuth]);

  return null;
};
