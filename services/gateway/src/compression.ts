import { existsSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { constants } from "node:zlib";
import compression from "compression";
import type express from "express";

/** Answers smaller than this are sent as they are: compressing them costs more than the bytes it saves. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * br (quality 4: near gzip's speed, smaller output) or gzip for every compressible answer above the threshold —
 * dashboard assets, `/graphql` answers, JSON errors — as the client's Accept-Encoding allows.
 */
export function responseCompression(): express.RequestHandler {
  return compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/** Vite writes content-hashed file names under /assets/: those never change, everything else may. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

/** express.static options for the dashboard: hashed assets cached for a year, anything else revalidated. */
export function dashboardStaticOptions(): Parameters<typeof express.static>[1] {
  return {
    index: false,
    setHeaders(res, path) {
      res.setHeader("Cache-Control", HASHED_ASSET.test(path) ? IMMUTABLE_CACHE : "no-cache");
    },
  };
}

/**
 * Hashed dashboard assets the build compressed ahead at brotli's highest quality (`<file>.br` beside `<file>`, see
 * dashboard/vite.config.mts): sent as they are to clients that accept br, so the first load is as small as brotli
 * makes it at no CPU cost per request (on-the-fly compression stays at quality 4). Anything else falls through to
 * `express.static` and `responseCompression`.
 */
export function precompressedAssets(dir: string): express.RequestHandler {
  const root = resolve(dir);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (!HASHED_ASSET.test(req.path) || !/\bbr\b/.test(req.get("accept-encoding") ?? "")) return next();
    if (req.acceptsEncodings("br") !== "br") return next();
    const file = resolve(join(root, decodeURIComponent(req.path)));
    if (!file.startsWith(root + sep) || !existsSync(`${file}.br`)) return next();
    res.setHeader("Content-Encoding", "br");
    res.setHeader("Vary", "Accept-Encoding");
    res.setHeader("Cache-Control", IMMUTABLE_CACHE);
    res.type(extname(file));
    res.sendFile(`${file}.br`, { cacheControl: false }, (error) => error && next(error));
  };
}
