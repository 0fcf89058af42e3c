import express from "express";
import helmet from "helmet";

/**
 * Security headers on every answer (helmet): a Content-Security-Policy the dashboard works under (its scripts and
 * fonts are served from here; MUI/emotion injects style elements, hence 'unsafe-inline' for styles only), no
 * framing (frame-ancestors 'none' and X-Frame-Options DENY), nosniff, no referrer. HSTS and
 * upgrade-insecure-requests only when a TLS-terminating proxy is in front (TRUST_PROXY set).
 */
export function securityHeaders(behindTlsProxy: boolean): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(behindTlsProxy ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: behindTlsProxy ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}
