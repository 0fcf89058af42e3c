import { ErrorCode, GATEWAY_SECRET_HEADER, logger, PublicNgoPage, sendError, ServiceSecurity } from "@hamafza/common";
import express from "express";
import { rateLimit } from "express-rate-limit";
import { publicRegisterHtml } from "./publicPage";

const RATE_LIMITED = "درخواست‌های شما به فهرست عمومی از حد مجاز گذشت؛ یک دقیقه بعد دوباره تلاش کنید.";
const UNAVAILABLE = "فهرست عمومی اکنون در دسترس نیست؛ کمی بعد دوباره تلاش کنید.";

class RegistryAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`registry answered ${status}`);
  }
}

/** Asks the registry for a page of the public register (the query string passed as it came; the registry checks it). */
async function fetchPage(registryBase: string, security: ServiceSecurity, query: string): Promise<PublicNgoPage> {
  const response = await fetch(`${registryBase}/public/ngos${query}`, {
    headers: { [GATEWAY_SECRET_HEADER]: security.gatewaySecret },
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.text();
  if (!response.ok) throw new RegistryAnswer(response.status, body);
  return JSON.parse(body) as PublicNgoPage;
}

/**
 * The public register (docs/public-register.md), with no sign-in: GET /public (a page) and GET /public/ngos (JSON),
 * both rate-limited per client address (`HAMAFZA_PUBLIC_RATE_PER_MINUTE`); only NGOs listed with their consent, and
 * only their name, fields, county and licence.
 */
export function publicRoutes(registryBase: string, security: ServiceSecurity, perMinute: number): express.Router {
  const router = express.Router();
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: perMinute,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      handler: (_req, res) => {
        res.setHeader("Retry-After", "60");
        sendError(res, 429, ErrorCode.LOCKED, RATE_LIMITED);
      },
    }),
  );
  const queryOf = (req: express.Request) => {
    const at = req.originalUrl.indexOf("?");
    return at < 0 ? "" : req.originalUrl.slice(at);
  };
  router.get("/ngos", async (req, res) => {
    try {
      res.setHeader("cache-control", "public, max-age=60");
      res.json(await fetchPage(registryBase, security, queryOf(req)));
    } catch (error) {
      if (error instanceof RegistryAnswer && error.status === 400)
        return res.status(400).type("application/json").send(error.body);
      logger.warn({ err: error }, "[gateway] public register unavailable");
      sendError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE);
    }
  });
  router.get("/", async (req, res) => {
    const q = typeof req.query.q === "string" ? req.query.q.slice(0, 100) : undefined;
    const offset = Math.max(0, Math.min(1_000_000, Number.parseInt(String(req.query.offset ?? "0"), 10) || 0));
    const search = { q, offset, limit: 25 };
    const params = new URLSearchParams({ ...(q ? { q } : {}), offset: String(offset), limit: "25" });
    let page: PublicNgoPage | null = null;
    try {
      page = await fetchPage(registryBase, security, `?${params.toString()}`);
    } catch (error) {
      logger.warn({ err: error }, "[gateway] public register page without data");
    }
    res.setHeader("cache-control", "public, max-age=60");
    res
      .status(page ? 200 : 503)
      .type("text/html; charset=utf-8")
      .send(publicRegisterHtml(search, page));
  });
  return router;
}
