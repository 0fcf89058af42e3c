import { logger } from "@hamafza/common";
import { randomUUID } from "node:crypto";
import {
  AppError,
  bearerToken,
  CLIENT_ADDRESS_HEADER,
  ErrorCode,
  INTERNAL_MESSAGE,
  recordAudit,
  REQUEST_ID_HEADER,
  SESSION_ENDED_MESSAGE,
  TokenKeys,
  verifyAccessToken,
} from "@hamafza/common";
import express from "express";
import { DataSource } from "typeorm";
import { acceptInvitation, invitationInfo } from "../invitations/accept";
import { feedReadToken } from "./calendarFeeds";
import { signIn } from "./login";
import { LoginPolicy } from "./policy";
import { activeSession, issueToken, revokeSession } from "./sessions";

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.LOCKED]: 429,
};

/**
 * POST /auth/login, /auth/refresh, /auth/logout, /auth/calendar-token, /auth/invitation, /auth/accept-invitation and GET /auth/session, reached only through the gateway (the
 * subgraph server checks the gateway secret first). Errors answer `{ error: { code, message } }`.
 */
export function authRoutes(db: DataSource, keys: TokenKeys, policy: LoginPolicy): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: "16kb" }));

  router.post(
    "/login",
    handle(async (req) => {
      const { username, password } = (req.body ?? {}) as Record<string, unknown>;
      if (
        typeof username !== "string" ||
        typeof password !== "string" ||
        !username.trim() ||
        !password ||
        username.length > 100 ||
        password.length > 1000
      ) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, "نام کاربری و گذرواژه را وارد کنید.");
      }
      return signIn(db, keys, policy, { username, password, ...requestInfo(req) });
    }),
  );

  router.post(
    "/refresh",
    handle(async (req) => {
      const { session, user } = await requireActiveSession(db, keys, req);
      return issueToken(keys, policy, user, session);
    }),
  );

  router.get(
    "/session",
    handle(async (req) => {
      const { session } = await requireActiveSession(db, keys, req);
      return { active: true, sessionId: session.id, expiresAt: session.expiresAt.toISOString() };
    }),
  );

  // A short token of a calendar feed's owner, for one read of the feed by the gateway (never a session).
  router.post(
    "/calendar-token",
    handle((req) => feedReadToken(db, keys, (req.body ?? {}).secret)),
  );

  // An invitee reads whose invitation a code is, then sets their password with it and is signed in.
  router.post(
    "/invitation",
    handle((req) => invitationInfo(db, (req.body ?? {}).code)),
  );
  router.post(
    "/accept-invitation",
    handle((req) => {
      const { code, password } = (req.body ?? {}) as Record<string, unknown>;
      return acceptInvitation(db, keys, policy, { code, password, ...requestInfo(req) });
    }),
  );

  router.post("/logout", async (req, res) => {
    try {
      const user = await verifyAccessToken(keys, bearerToken(req.headers.authorization) ?? "");
      await db.transaction(async (em) => {
        await revokeSession(em, user.sessionId);
        await recordAudit(
          em,
          { service: "identity", user, ...requestInfo(req) },
          { action: "LOGOUT", entityType: "Session", entityId: user.sessionId },
        );
      });
    } catch {
      // An invalid or expired token has no session left to end; signing out still succeeds.
    }
    res.status(204).end();
  });
  return router;
}

async function requireActiveSession(db: DataSource, keys: TokenKeys, req: express.Request) {
  const user = await verifyAccessToken(keys, bearerToken(req.headers.authorization) ?? "");
  const active = await activeSession(db, user.sessionId, user.id);
  if (!active) throw new AppError(ErrorCode.UNAUTHENTICATED, SESSION_ENDED_MESSAGE);
  return active;
}

function requestInfo(req: express.Request): { clientAddress: string | null; requestId: string } {
  const address = req.headers[CLIENT_ADDRESS_HEADER];
  const requestId = req.headers[REQUEST_ID_HEADER];
  return {
    clientAddress: typeof address === "string" ? address : null,
    requestId: typeof requestId === "string" ? requestId : randomUUID(),
  };
}

function handle(work: (req: express.Request) => Promise<unknown>): express.RequestHandler {
  return async (req, res) => {
    try {
      res.json(await work(req));
    } catch (error) {
      if (error instanceof AppError && STATUS_BY_CODE[error.code]) {
        const { code: _code, ...details } = error.extensions;
        if (error.code === ErrorCode.LOCKED) res.setHeader("Retry-After", String(details.retryAfterSeconds));
        res
          .status(STATUS_BY_CODE[error.code]!)
          .json({ error: { code: error.code, message: error.message, ...details } });
        return;
      }
      logger.error({ err: error }, "[identity] auth route failed");
      res.status(500).json({ error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: INTERNAL_MESSAGE } });
    }
  };
}
