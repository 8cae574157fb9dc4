import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { h } from 'preact';
import { Public } from '../auth/auth.decorators.js';
import { TokenService } from '../auth/token.service.js';
import { uiFor, uiLanguageOf } from '../views/i18n.js';
import { renderPage } from '../views/render.js';
import { COOKIE } from './dashboard-session.js';
import { SignInForm } from './forms.js';
import { SignInPage } from './views/sign-in.page.js';

/** A page of the dashboard to go on to after signing in; anything else (another site, a scheme) is dropped. */
const safeNext = (next: string | undefined): string | undefined =>
  next && /^\/dashboard(\/[\w\-./]*)?(\?[\w\-=&%.]*)?$/.test(next) && !next.startsWith('/dashboard/sign-')
    ? next
    : undefined;

/** Signing in turns a bearer token into an HttpOnly, SameSite=Strict cookie (another site cannot post with it). */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class SessionController {
  constructor(private readonly tokens: TokenService) {}

  @Get('sign-in')
  signInPage(
    @Query('lang') lang: string | undefined,
    @Query('error') error: string | undefined,
    @Query('next') next: string | undefined,
    @Res() res: Response,
  ) {
    const ui = uiFor(uiLanguageOf([], lang));
    res.type('html').send(renderPage(h(SignInPage, { ui, refused: Boolean(error), next: safeNext(next) })));
  }

  @Post('sign-in')
  async signIn(@Body() form: SignInForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    const actor = await this.tokens.authenticate(form.token.trim());
    const next = safeNext(form.next);
    if (!actor)
      return res.redirect(303, `/dashboard/sign-in?error=1${next ? `&next=${encodeURIComponent(next)}` : ''}`);
    res.cookie(COOKIE, form.token.trim(), {
      httpOnly: true,
      sameSite: 'strict',
      path: '/dashboard',
      secure: req.secure,
    });
    // Back to the page a link (an email's, say) led to before signing in.
    res.redirect(303, next ?? '/dashboard');
  }

  @Post('sign-out')
  signOut(@Res() res: Response): void {
    res.clearCookie(COOKIE, { path: '/dashboard' });
    res.redirect(303, '/dashboard/sign-in');
  }
}
