import { HttpException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { VNode } from 'preact';
import { h } from 'preact';
import type { Actor, Role } from '../../../../libs/domain/src/index.js';
import { PeopleQueries } from '../../../../libs/persistence/src/index.js';
import { REQUIRED_ROLES } from '../auth/auth.decorators.js';
import { TokenService } from '../auth/token.service.js';
import { ApiError } from '../http/api-error.js';
import { IdempotencyService, type Claim } from '../http/idempotency.service.js';
import { operationKeyOf } from '../http/idempotency.interceptor.js';
import { uiFor, uiLanguageOf, type Ui, type UiText } from '../views/i18n.js';
import { renderPage } from '../views/render.js';
import { workflowRefusal } from '../workflows/workflow-gateway.js';
import { RefusalPage } from './views/refusal.page.js';

export const COOKIE = 'mf_token';

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
  done: (t: UiText) => string;
  /** The caller's Idempotency-Key from the form, when the page gave one. */
  key?: string;
  run?: (actor: Actor, operationKey: string | undefined) => Promise<unknown>;
  /**
   * Instead of run-and-redirect: an action whose answer is a page of its own (the HR import's line
   * by line report). It is idempotent by content, so it claims no key.
   */
  render?: (actor: Actor, viewer: Viewer, res: Response) => Promise<void>;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,200}$/;

/** The sign-in page, told where to come back to (only a dashboard path: never another site). */
export const signInFor = (path: string): string =>
  /^\/dashboard(\/|\?|$)/.test(path) && !path.startsWith('/dashboard/sign-in')
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

const cookieOf = (req: Request, name: string): string | null => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
};

function messageOf(e: HttpException): string {
  const body = e.getResponse();
  return typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : e.message;
}

/**
 * The dashboard's HTTP plumbing: who is signed in (a token in an HttpOnly, SameSite=Strict cookie),
 * pages rendered for them, and actions run as their JSON routes run them — same roles, same
 * services, same Idempotency-Key — with the outcome shown on the page instead of as JSON.
 */
@Injectable()
export class DashboardSession {
  constructor(
    private readonly tokens: TokenService,
    private readonly people: PeopleQueries,
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
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

  async viewer(req: Request, lang?: string): Promise<Viewer | null> {
    const token = cookieOf(req, COOKIE);
    const actor = token ? await this.tokens.authenticate(token) : null;
    if (!actor) return null;
    return { actor, ui: uiFor(uiLanguageOf(await this.people.languagesOf(actor.personId), lang)) };
  }

  /** Renders a page for the signed-in reader; a refusal (403, 404) is a page too. */
  async page<P>(req: Request, res: Response, lang: string | undefined, render: (v: Viewer) => Promise<VNode<P>>) {
    const v = await this.viewer(req, lang);
    if (!v) return res.redirect(303, signInFor(req.originalUrl));
    try {
      res.type('html').send(renderPage(await render(v)));
    } catch (e) {
      if (!(e instanceof HttpException)) throw e;
      const page = h(RefusalPage, { ui: v.ui, status: e.getStatus(), message: messageOf(e) });
      res.status(e.getStatus()).type('html').send(renderPage(page));
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
    const v = await this.viewer(req, lang);
    if (!v) return res.redirect(303, signInFor(req.originalUrl));
    try {
      const body = await make(v);
      res.type('text/csv; charset=utf-8').attachment(name).send(body);
    } catch (e) {
      if (!(e instanceof HttpException)) throw e;
      const page = h(RefusalPage, { ui: v.ui, status: e.getStatus(), message: messageOf(e) });
      res.status(e.getStatus()).type('html').send(renderPage(page));
    }
  }

  /** Runs an action and comes back to its page with the outcome (a refusal is shown, not thrown). */
  async act(req: Request, res: Response, action: PageAction): Promise<void> {
    const v = await this.viewer(req, langOfReferer(req));
    if (!v) return res.redirect(303, '/dashboard/sign-in');
    // SameSite=Strict already keeps other sites' forms out; a foreign Origin is refused as well.
    const origin = req.headers.origin;
    if (origin && origin !== `${req.protocol}://${req.headers.host}`)
      return void res.status(403).send('cross-site form refused');
    // Back to the page in the language it was read in (a form posts no `lang`; its page's URL has it).
    const lang = langOfReferer(req);
    const back = (outcome: { flash?: string; error?: string; to?: string }) =>
      res.redirect(
        303,
        `${outcome.to ?? action.back}${(outcome.to ?? action.back).includes('?') ? '&' : '?'}${lang ? `lang=${lang}&` : ''}` +
          (outcome.error === undefined
            ? `flash=${encodeURIComponent(outcome.flash ?? '')}`
            : `error=${encodeURIComponent(outcome.error)}`),
      );
    const { actor } = v;
    try {
      this.allow(actor, action.route);
    } catch (e) {
      return back({ error: messageOf(e as HttpException) });
    }
    if (action.render) return action.render(actor, v, res);
    const key = action.key;
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      return back({ error: 'idempotencyKey: 1 to 200 letters, digits or _ . : -' });
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
        return back({ error: messageOf(e) });
      }
      if (!claim.run) return back(claim.response as { flash?: string; error?: string; to?: string });
    }
    let outcome: { flash: string; to?: string } | { error: string };
    try {
      const answer = await action.run?.(actor, operationKeyOf(actor, key));
      outcome = { flash: action.done(v.ui.t), ...(action.then ? { to: action.then(answer) } : {}) };
    } catch (e) {
      // A refusal by the API's services or by the workflow's validator is shown on the page.
      const refusal = e instanceof HttpException ? messageOf(e) : workflowRefusal(e);
      if (refusal === null) {
        if (key) await this.idempotency.failed(actor.personId, key, e);
        throw e;
      }
      outcome = { error: refusal };
    }
    if (key) await this.idempotency.answer(actor.personId, key, 303, outcome);
    back(outcome);
  }
}
