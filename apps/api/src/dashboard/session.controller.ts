import { Body, Controller, Get, HttpException, Inject, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { h } from 'preact';
import type { Actor } from '../../../../libs/domain/src/index.js';
import { DashboardSessionQueries, TokenQueries } from '../../../../libs/persistence/src/index.js';
import type { SecuritySettings } from '../../../../libs/platform/src/index.js';
import { Public } from '../auth/auth.decorators.js';
import { AuthFailures } from '../auth/auth-failures.js';
import { OidcService } from '../auth/oidc.service.js';
import { SECURITY } from '../tokens.js';
import { uiFor, uiLanguageOf } from '../views/i18n.js';
import { noticeOf, type NoticeCode } from '../views/notices.js';
import { renderPage } from '../views/render.js';
import {
  cookieOf,
  OIDC_NEXT_COOKIE,
  OIDC_STATE_COOKIE,
  oidcStateCookieOptions,
  SESSION_COOKIE,
  sessionCookieOptions,
} from './cookies.js';
import { DashboardSession } from './dashboard-session.js';
import { SignInForm } from './forms.js';
import { SignedInPage } from './views/signed-in.page.js';
import { SignInPage } from './views/sign-in.page.js';

/** A page of the dashboard to go on to after signing in; anything else (another site, a scheme) is dropped. */
export const safeNext = (next: unknown): string | undefined =>
  typeof next === 'string' &&
  /^\/dashboard(\/[\w\-./]*)?(\?[\w\-=&%.]*)?$/.test(next) &&
  !next.startsWith('/dashboard/sign-')
    ? next
    : undefined;

/** The sign-in page with a notice, still on its way to `next` (a page already checked by safeNext). */
const signInAgain = (notice: string, next: string | undefined): string =>
  `/dashboard/sign-in?notice=${notice}${next ? `&next=${encodeURIComponent(next)}` : ''}`;

/**
 * Signing in and out. Either way in — a token typed in the form, or the company's identity
 * provider — opens a session of its own, kept server-side; the cookie names that session, never a
 * token. Both ways count failures against the same per-address limit as the API, and the forms
 * are refused from another origin (no login CSRF).
 */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class SessionController {
  constructor(
    private readonly tokens: TokenQueries,
    private readonly sessions: DashboardSessionQueries,
    private readonly dashboard: DashboardSession,
    private readonly failures: AuthFailures,
    private readonly oidc: OidcService,
    @Inject(SECURITY) private readonly security: SecuritySettings,
  ) {}

  private signInPage(
    res: Response,
    lang: string | undefined,
    notice: NoticeCode | null,
    status = 200,
    next?: string,
  ): void {
    const ui = uiFor(uiLanguageOf([], lang));
    res
      .status(status)
      .type('html')
      .send(renderPage(h(SignInPage, { ui, notice, companySignIn: this.oidc.enabled, next })));
  }

  /** The limit on failed authentications, answered as a page (429, Retry-After). */
  private async tooMany(req: Request, res: Response): Promise<boolean> {
    try {
      await this.failures.assertAllowed(req.ip);
      return false;
    } catch (e) {
      if (!(e instanceof HttpException)) throw e;
      const body = e.getResponse() as { retryAfterSeconds?: number };
      res.setHeader('Retry-After', String(body.retryAfterSeconds ?? 60));
      this.signInPage(res, undefined, 'sign-in.too-many', 429);
      return true;
    }
  }

  private async open(req: Request, res: Response, actor: Actor, via: 'token' | 'oidc', tokenId: string | null) {
    const session = await this.sessions.open({
      personId: actor.personId,
      roles: actor.roles,
      tokenId,
      via,
      ttlMs: this.security.sessionTtlMs,
    });
    res.cookie(SESSION_COOKIE, session.secret, { ...sessionCookieOptions(req), maxAge: this.security.sessionTtlMs });
  }

  @Get('sign-in')
  signInForm(
    @Query('lang') lang: string | undefined,
    @Query('notice') notice: unknown,
    @Query('next') next: unknown,
    @Res() res: Response,
  ) {
    this.signInPage(res, lang, noticeOf(notice), 200, safeNext(next));
  }

  @Post('sign-in')
  async signIn(@Body() form: SignInForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.dashboard.sameOrigin(req)) return void res.status(403).type('text').send('cross-site sign-in refused');
    if (await this.tooMany(req, res)) return;
    const authenticated = await this.tokens.authenticate(form.token.trim());
    const next = safeNext(form.next);
    if (!authenticated) {
      await this.failures.failed(req.ip);
      return res.redirect(303, signInAgain('sign-in.refused', next));
    }
    await this.open(req, res, authenticated.actor, 'token', authenticated.tokenId);
    // Back to the page a link (an email's, say) led to before signing in.
    res.redirect(303, next ?? '/dashboard');
  }

  /** Off to the identity provider, with PKCE; the state cookie ties its answer to this browser. */
  @Get('sign-in/oidc')
  async companySignIn(@Query('next') next: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException({ code: 'NOT_FOUND', message: 'no identity provider here' });
    if (await this.tooMany(req, res)) return;
    const { url, state } = await this.oidc.authorizationUrl();
    res.cookie(OIDC_STATE_COOKIE, state, oidcStateCookieOptions(req));
    // Kept in this browser beside the state, not sent to the provider: it is ours to check, again, on the way back.
    const page = safeNext(next);
    if (page) res.cookie(OIDC_NEXT_COOKIE, page, oidcStateCookieOptions(req));
    else res.clearCookie(OIDC_NEXT_COOKIE, oidcStateCookieOptions(req));
    res.redirect(303, url);
  }

  @Get('oidc/callback')
  async companyCallback(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException({ code: 'NOT_FOUND', message: 'no identity provider here' });
    if (await this.tooMany(req, res)) return;
    const outcome = await this.oidc.finishSignIn(req.originalUrl, cookieOf(req, OIDC_STATE_COOKIE));
    const next = safeNext(cookieOf(req, OIDC_NEXT_COOKIE));
    res.clearCookie(OIDC_STATE_COOKIE, oidcStateCookieOptions(req));
    res.clearCookie(OIDC_NEXT_COOKIE, oidcStateCookieOptions(req));
    if (typeof outcome === 'string') {
      await this.failures.failed(req.ip);
      return res.redirect(303, signInAgain(outcome, next));
    }
    await this.open(req, res, outcome, 'oidc', null);
    res.type('html').send(renderPage(h(SignedInPage, { ui: uiFor(uiLanguageOf([])), to: next ?? '/dashboard' })));
  }

  /** Ends the session itself, not only the cookie: the cookie's value is worthless afterwards. */
  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.dashboard.sameOrigin(req)) return void res.status(403).type('text').send('cross-site sign-out refused');
    const secret = cookieOf(req, SESSION_COOKIE);
    if (secret) await this.sessions.end(secret, 'signed-out');
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
    res.redirect(303, '/dashboard/sign-in?notice=signed-out');
  }
}
