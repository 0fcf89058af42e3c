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
