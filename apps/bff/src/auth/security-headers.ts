/**
 * Security headers on every response: CSP (self only; no framing), X-Frame-Options DENY,
 * nosniff, a strict referrer policy. Used by the BFF app and by server.ts for the SPA files.
 */
import { secureHeaders } from 'hono/secure-headers'

/** The middleware. */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  })
}
