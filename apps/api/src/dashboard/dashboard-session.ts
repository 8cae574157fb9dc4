import { HttpException, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { VNode } from 'preact';
import { h } from 'preact';
import { HTTP_STATUS_BY_KIND } from '../../../../libs/contracts/src/index.js';
import type { Actor, Role } from '../../../../libs/domain/src/index.js';
import { DashboardSessionQueries, PeopleQueries } from '../../../../libs/persistence/src/index.js';
import type { SecuritySettings } from '../../../../libs/platform/src/index.js';
import { REQUIRED_ROLES } from '../auth/auth.decorators.js';
import { AuthFailures } from '../auth/auth-failures.js';
import { ApiError } from '../http/api-error.js';
import { IdempotencyService, type Claim } from '../http/idempotency.service.js';
import { operationKeyOf } from '../http/idempotency.interceptor.js';
import { SECURITY } from '../tokens.js';
import { uiFor, uiLanguageOf, type Ui } from '../views/i18n.js';
import { refusalNotice, type NoticeCode } from '../views/notices.js';
import { renderPage } from '../views/render.js';
import { workflowRefusal } from '../workflows/workflow-gateway.js';
import { cookieOf, SESSION_COOKIE, sessionCookieOptions } from './cookies.js';
import { RefusalPage } from './views/refusal.page.js';

export interface Viewer {
  actor: Actor;
  ui: Ui;
}

/** A JSON route, named by its controller and handler method. */
export interface JsonRoute {
  controller: { prototype: object };
  method: string;
}
export const jsonRoute = <T extends object>(controller: { prototype: T }, method: keyof T & string): JsonRoute => ({
  controller,
  method,
});

/** What a dashboard action runs: the JSON route it stands for, where to go back, and the service call. */
export interface PageAction {
  /** The JSON route doing the same thing: its @Roles apply here too. */
  route: JsonRoute;
  back: string;
  /** Where to go after a success, from the action's answer (a created program's page); `back` otherwise. */
  then?: (answer: unknown) => string;
  /** The notice shown when it is done. */
  done: NoticeCode;
  /** The caller's Idempotency-Key from the form, when the page gave one. */
  key?: string;
  run?: (actor: Actor, operationKey: string | undefined) => Promise<unknown>;
  /**
   * Instead of run-and-redirect: an action whose answer is a page of its own (the HR import's line
   * by line report). It is idempotent by content, so it claims no key.
   */
  render?: (actor: Actor, viewer: Viewer, res: Response) => Promise<void>;
}

type Outcome = { notice: NoticeCode; to?: string };

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,200}$/;

/** The sign-in page, told where to come back to (a dashboard page other than home: never another site). */
export const signInFor = (path: string): string =>
  path.startsWith('/dashboard/') && !path.startsWith('/dashboard/sign-in')
    ? `/dashboard/sign-in?next=${encodeURIComponent(path)}`
    : '/dashboard/sign-in';

/** The `lang` of the page a form was posted from. */
function langOfReferer(req: Request): string | undefined {
  try {
    const lang = new URL(req.headers.referer ?? '').searchParams.get('lang');
    return lang === 'fr' || lang === 'en' ? lang : undefined;
  } catch {
    return undefined;
  }
}

const codeOf = (e: HttpException): string | undefined => {
  const body = e.getResponse();
  return typeof body === 'object' && body !== null && 'code' in body ? String(body.code) : undefined;
};

/**
 * The dashboard's HTTP plumbing: who is signed in (a server-side session named by an HttpOnly,
 * SameSite=Strict cookie — never an API token), pages rendered for them, and actions run as their
 * JSON routes run them — same roles, same services, same Idempotency-Key — with the outcome shown
 * on the page as a notice code instead of as JSON.
 */
@Injectable()
export class DashboardSession {
  constructor(
    private readonly sessions: DashboardSessionQueries,
    private readonly people: PeopleQueries,
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
    private readonly failures: AuthFailures,
    @Inject(SECURITY) private readonly security: SecuritySettings,
  ) {}

  /** The roles of a JSON route (its @Roles), applied as they are there: a page shows what its route answers. */
  allow(actor: Actor, route: JsonRoute): void {
    const handler = Reflect.get(route.controller.prototype, route.method) as () => unknown;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      handler,
      route.controller as unknown as () => unknown,
    ]);
    if (required && !required.some((role) => actor.roles.includes(role)))
      throw new ApiError(403, 'AUTH.ROLE_REQUIRED', `this action needs one of the roles: ${required.join(', ')}`);
  }

  /**
   * The signed-in reader, or null. A cookie naming no open session counts as a failed
   * authentication, like a wrong token, and is cleared.
   */
  async viewer(req: Request, res: Response, lang?: string): Promise<Viewer | null> {
    const secret = cookieOf(req, SESSION_COOKIE);
    if (!secret) return null;
    await this.failures.assertAllowed(req.ip);
    const session = await this.sessions.authenticate(secret);
    if (!session) {
      await this.failures.failed(req.ip);
      res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
      return null;
    }
    const { actor } = session;
    return { actor, ui: uiFor(uiLanguageOf(await this.people.languagesOf(actor.personId), lang)) };
  }

  /** Whether a form comes from a page of this site: a foreign Origin (or a cross-site fetch) is refused. */
  sameOrigin(req: Request): boolean {
    const origin = req.headers.origin;
    if (typeof origin === 'string')
      return origin === new URL(this.security.publicUrl).origin || origin === `${req.protocol}://${req.headers.host}`;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  private refusal(res: Response, v: Viewer, e: unknown): void {
    if (!(e instanceof HttpException)) throw e;
    const page = h(RefusalPage, { ui: v.ui, status: e.getStatus(), notice: refusalNotice(e.getStatus(), codeOf(e)) });
    res.status(e.getStatus()).type('html').send(renderPage(page));
  }

  /** Renders a page for the signed-in reader; a refusal (403, 404) is a page too. */
  async page<P>(req: Request, res: Response, lang: string | undefined, render: (v: Viewer) => Promise<VNode<P>>) {
    const v = await this.viewer(req, res, lang);
    if (!v) return res.redirect(303, signInFor(req.originalUrl));
    try {
      res.type('html').send(renderPage(await render(v)));
    } catch (e) {
      this.refusal(res, v, e);
    }
  }

  /** A file for the signed-in reader (a CSV export); a refusal is a page, as for any page. */
  async file(
    req: Request,
    res: Response,
    lang: string | undefined,
    name: string,
    make: (v: Viewer) => Promise<string>,
  ) {
    const v = await this.viewer(req, res, lang);
    if (!v) return res.redirect(303, signInFor(req.originalUrl));
    try {
      const body = await make(v);
      res.type('text/csv; charset=utf-8').attachment(name).send(body);
    } catch (e) {
      this.refusal(res, v, e);
    }
  }

  /** Runs an action and comes back to its page with the outcome (a refusal is shown, not thrown). */
  async act(req: Request, res: Response, action: PageAction): Promise<void> {
    // SameSite=Strict already keeps other sites' forms out; a foreign Origin is refused as well.
    if (!this.sameOrigin(req)) return void res.status(403).type('text').send('cross-site form refused');
    // Back to the page in the language it was read in (a form posts no `lang`; its page's URL has it).
    const lang = langOfReferer(req);
    const v = await this.viewer(req, res, lang);
    if (!v) return res.redirect(303, '/dashboard/sign-in');
    const back = (outcome: Outcome) => {
      const to = outcome.to ?? action.back;
      res.redirect(
        303,
        `${to}${to.includes('?') ? '&' : '?'}${lang ? `lang=${lang}&` : ''}notice=${encodeURIComponent(outcome.notice)}`,
      );
    };
    const { actor } = v;
    try {
      this.allow(actor, action.route);
    } catch (e) {
      return back({ notice: refusalNotice((e as HttpException).getStatus(), codeOf(e as HttpException)) });
    }
    if (action.render) return action.render(actor, v, res);
    const key = action.key;
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) return back({ notice: 'refused.invalid' });
    if (key) {
      let claim: Claim;
      try {
        claim = await this.idempotency.claim({
          actorId: actor.personId,
          key,
          method: req.method,
          path: req.originalUrl,
          body: req.body,
        });
      } catch (e) {
        if (!(e instanceof HttpException)) throw e;
        return back({ notice: refusalNotice(e.getStatus(), codeOf(e)) });
      }
      if (!claim.run) return back(claim.response as Outcome);
    }
    let outcome: Outcome;
    try {
      const answer = await action.run?.(actor, operationKeyOf(actor, key));
      outcome = { notice: action.done, ...(action.then ? { to: action.then(answer) } : {}) };
    } catch (e) {
      // A refusal by the API's services or by the workflow's validator is shown on the page.
      const refusal = e instanceof HttpException ? e : workflowRefusal(e);
      if (refusal === null) {
        if (key) await this.idempotency.failed(actor.personId, key, e);
        throw e;
      }
      outcome =
        refusal instanceof HttpException
          ? { notice: refusalNotice(refusal.getStatus(), codeOf(refusal)) }
          : { notice: refusalNotice(HTTP_STATUS_BY_KIND[refusal.kind], refusal.code) };
    }
    if (key) await this.idempotency.answer(actor.personId, key, 303, outcome);
    back(outcome);
  }
}
