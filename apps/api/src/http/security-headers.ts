import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { styleSources } from '../views/styles.js';

/**
 * Security headers on every answer, by helmet: nosniff, no framing, no referrer to other sites, no cross-origin
 * embedding of our resources, HSTS when served over https — and a Content-Security-Policy the
 * pages satisfy: no script at all, styles only the pages' own stylesheets (by hash), forms only to
 * this origin. The API docs (Swagger UI) run their own scripts from this origin and get a policy
 * that allows just that.
 */
export function securityHeaders(publicUrl: string): RequestHandler {
  const https = publicUrl.startsWith('https:');
  const common = {
    frameguard: { action: 'deny' as const },
    // Not no-referrer: under it a browser sends `Origin: null` with the dashboard's own forms, which the
    // Origin check (login CSRF) must then refuse. same-origin keeps URLs from other sites all the same.
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  };
  const pages = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: styleSources(),
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
  });
  const docs = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
  return (req, res, next) => (req.path === '/docs' || req.path.startsWith('/docs/') ? docs : pages)(req, res, next);
}
