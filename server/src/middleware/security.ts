/** Security headers and rate limits, configured in one place. */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';

/** Helmet's defaults, with a CSP that lets the built client (same-origin scripts, Cytoscape's canvas) run. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Cytoscape and the client set inline styles on elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
}

/**
 * Sign-in attempts: a token sent to /api/login or in an Authorization
 * header. Only failures count, a handful a minute per address: enough for
 * people, useless for guessing. A failure is a refused token (401): a
 * signed-in analyst whose requests are invalid (400), name nothing (404) or
 * exceed their role (403) is not guessing, and is not locked out for it.
 */
export function loginRateLimit(limit = 10, windowMs = 60_000): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    skip: (req) => !req.get('authorization') && req.path !== '/login',
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ error: { code: 'rate_limited', message: 'Too many sign-in attempts; wait a minute and try again' } });
    },
  });
}
