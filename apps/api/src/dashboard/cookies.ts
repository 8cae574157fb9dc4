import type { CookieOptions, Request } from 'express';

/** The dashboard session's cookie: a random secret naming a server-side session record. */
export const SESSION_COOKIE = 'mf_session';
/** The state of an identity-provider sign-in in progress, binding the callback to this browser. */
export const OIDC_STATE_COOKIE = 'mf_oidc';
/** The dashboard page to go on to after the provider's round trip (checked again when read). */
export const OIDC_NEXT_COOKIE = 'mf_oidc_next';

export const cookieOf = (req: Request, name: string): string | null => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
};

/** HttpOnly and SameSite=Strict: no script reads it, no other site's form or link sends it. */
export const sessionCookieOptions = (req: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  path: '/dashboard',
  secure: req.secure,
});

/** Lax, because the provider sends the browser back with a top-level navigation from its own site. */
export const oidcStateCookieOptions = (req: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  path: '/dashboard/oidc',
  secure: req.secure,
  maxAge: 10 * 60_000,
});
