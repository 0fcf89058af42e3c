import { setting } from "@hamafza/common";

/** Sign-in limits; the defaults suit production, tests shorten the waits. */
export interface LoginPolicy {
  /** Access-token lifetime; the dashboard refreshes before it ends. */
  tokenTtlSeconds: number;
  /** A session ends this long after sign-in, however often it is refreshed. */
  sessionMaxSeconds: number;
  /** Failures are counted within this window, then forgotten. */
  failureWindowSeconds: number;
  /** Failures of one account name before it is locked. */
  maxAccountFailures: number;
  /** Failures from one network address before it is locked (higher: offices share addresses). */
  maxAddressFailures: number;
  lockSeconds: number;
  /** From this many failures on, each further failed answer is delayed … */
  slowdownAfter: number;
  /** … by this much per failure beyond `slowdownAfter`, up to `slowdownMaxMs`. */
  slowdownStepMs: number;
  slowdownMaxMs: number;
  /** An invitation's code works this long after it was made (HAMAFZA_INVITATION_TTL_HOURS). */
  invitationTtlSeconds: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  tokenTtlSeconds: 30 * 60,
  sessionMaxSeconds: 12 * 60 * 60,
  failureWindowSeconds: 15 * 60,
  maxAccountFailures: 5,
  maxAddressFailures: 20,
  lockSeconds: 15 * 60,
  slowdownAfter: 2,
  slowdownStepMs: 500,
  slowdownMaxMs: 3000,
  invitationTtlSeconds: 7 * 24 * 60 * 60,
};

/** Overrides from HAMAFZA_TOKEN_TTL_SECONDS, HAMAFZA_SESSION_MAX_SECONDS and HAMAFZA_INVITATION_TTL_HOURS. */
export function loginPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): LoginPolicy {
  return {
    ...DEFAULT_LOGIN_POLICY,
    tokenTtlSeconds: setting("HAMAFZA_TOKEN_TTL_SECONDS", env),
    sessionMaxSeconds: setting("HAMAFZA_SESSION_MAX_SECONDS", env),
    invitationTtlSeconds: setting("HAMAFZA_INVITATION_TTL_HOURS", env) * 3600,
  };
}

export function slowdownMs(policy: LoginPolicy, failures: number): number {
  return Math.min(policy.slowdownMaxMs, Math.max(0, failures - policy.slowdownAfter) * policy.slowdownStepMs);
}
