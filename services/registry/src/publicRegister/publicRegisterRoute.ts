import { ErrorCode, logger, sendError } from "@hamafza/common";
import express from "express";
import { DataSource } from "typeorm";
import { publicSearchSchema, searchPublicRegister } from "./publicRegisterQuery";

const BAD_SEARCH =
  "جست‌وجو نامعتبر است: نام (تا ۱۰۰ نویسه)، کد استان (۲ رقم)، کد شهرستان (۴ رقم)، offset و limit (۱ تا ۱۰۰) پذیرفته می‌شود.";

/**
 * GET /public/ngos — the public register's data (behind the gateway secret like every subgraph route; the gateway
 * serves it to anyone, rate-limited). Read only: it touches nothing but listed NGOs.
 */
export function publicRegisterRoutes(db: DataSource): express.Router {
  const router = express.Router();
  router.get("/ngos", async (req, res) => {
    const search = publicSearchSchema.safeParse(req.query);
    if (!search.success) return sendError(res, 400, ErrorCode.BAD_USER_INPUT, BAD_SEARCH);
    try {
      res.setHeader("cache-control", "public, max-age=60");
      res.json(await searchPublicRegister(db, search.data));
    } catch (error) {
      logger.error({ err: error }, "[registry] public register failed");
      sendError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, "فهرست عمومی اکنون در دسترس نیست؛ کمی بعد دوباره تلاش کنید.");
    }
  });
  return router;
}
