import { Body, Controller, Get, HttpException, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import {
  monitorProgram,
  type Actor,
  type MentorshipState,
  type ProgramEvent,
} from '../../../../libs/domain/src/index.js';
import { decideReviewUpdate, programStateQuery, programStreamId } from '../../../../libs/contracts/src/index.js';
import { readStream } from '../../../../libs/persistence/src/index.js';
import { Public } from '../auth/auth.decorators.js';
import { TokenService } from '../auth/token.service.js';
import { mentorshipSnapshots } from '../execution/monitoring.js';
import { checkpointParam, reviewParam, uuidParam } from '../http/param-pipes.js';
import { MentorshipsService, type MentorshipTerms } from '../mentorships/mentorships.service.js';
import { ProgramsService } from '../programs/programs.service.js';
import { DATA_SOURCE, MENTORSHIP_TERMS, TEMPORAL_CLIENT } from '../tokens.js';
import { esc, svgBars } from '../http/html.js';
import { page, table } from './dashboard-html.js';
import { UI, uiLanguageOf, type UiLanguage, type UiText } from './dashboard-i18n.js';

const COOKIE = 'mf_token';

export class SignInForm {
  @IsString() @MaxLength(200) token!: string;
}
export class DecisionForm {
  @IsIn(['approve', 'request-changes', 'escalate']) decision!: 'approve' | 'request-changes' | 'escalate';
  @IsOptional() @IsString() @MaxLength(5000) guidance?: string;
}
export class ReviewForm {
  @IsString() @MaxLength(5000) notes!: string;
}
export class SessionForm {
  @Type(() => Number) @IsInt() @Min(5) @Max(480) minutes!: number;
  @IsString() @MaxLength(1000) topics!: string;
}

interface Viewer {
  actor: Actor;
  lang: UiLanguage;
  t: UiText;
}

const cookieOf = (req: Request, name: string): string | null => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
};
const date = (iso: string | null, lang: UiLanguage) =>
  iso
    ? new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }).format(new Date(iso))
    : '—';

/**
 * The dashboard: server-rendered pages with plain forms, no script and no front-end build. The
 * pages are tables and a few forms; rendering them where the data and the access rules already are
 * keeps one place for authorization. Signed in by a token kept in an HttpOnly, SameSite=Strict
 * cookie (so another site cannot post a form with it); every action goes through the same services
 * as the JSON API, with the same refusals.
 */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly tokens: TokenService,
    private readonly programs: ProgramsService,
    private readonly mentorships: MentorshipsService,
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(MENTORSHIP_TERMS) private readonly terms: MentorshipTerms,
  ) {}

  private async viewer(req: Request, lang?: string): Promise<Viewer | null> {
    const token = cookieOf(req, COOKIE);
    const actor = token ? await this.tokens.authenticate(token) : null;
    if (!actor) return null;
    const rows: Array<{ languages: string[] }> = await this.db.query(`SELECT languages FROM people WHERE id = $1`, [
      actor.personId,
    ]);
    const language = uiLanguageOf(rows[0]?.languages ?? [], lang);
    return { actor, lang: language, t: UI[language] };
  }

  /** Display names of the people a page lists (ids stay visible where no name is known). */
  private async namesOf(ids: string[]): Promise<(id: string) => string> {
    const rows: Array<{ id: string; display_name: string }> = ids.length
      ? await this.db.query(`SELECT id, display_name FROM people WHERE id = ANY($1)`, [[...new Set(ids)]])
      : [];
    const names = new Map(rows.map((r) => [r.id, r.display_name]));
    return (id: string) => names.get(id) ?? id;
  }

  private async guarded(
    req: Request,
    res: Response,
    lang: string | undefined,
    render: (v: Viewer) => Promise<string>,
  ): Promise<void> {
    const v = await this.viewer(req, lang);
    if (!v) return res.redirect(303, '/dashboard/sign-in');
    try {
      res.type('html').send(await render(v));
    } catch (e) {
      if (!(e instanceof HttpException)) throw e;
      res
        .status(e.getStatus())
        .type('html')
        .send(page(v.lang, v.t, String(e.getStatus()), `<p class="error">${esc(messageOf(e))}</p>`));
    }
  }

  /** Runs an action and comes back to `back` with its outcome (a refusal is shown, not thrown). */
  private async act(
    req: Request,
    res: Response,
    back: string,
    done: (t: UiText) => string,
    run: (actor: Actor) => Promise<unknown>,
  ): Promise<void> {
    const v = await this.viewer(req);
    if (!v) return res.redirect(303, '/dashboard/sign-in');
    // SameSite=Strict already keeps other sites' forms out; a foreign Origin is refused as well.
    const origin = req.headers.origin;
    if (origin && origin !== `${req.protocol}://${req.headers.host}`)
      return void res.status(403).send('cross-site form refused');
    try {
      await run(v.actor);
      res.redirect(303, `${back}?flash=${encodeURIComponent(done(v.t))}`);
    } catch (e) {
      // A refusal by the API's services or by the workflow's validator is shown on the page.
      const refusal =
        e instanceof HttpException
          ? messageOf(e)
          : e instanceof WorkflowUpdateFailedError
            ? (e.cause?.message ?? e.message)
            : null;
      if (refusal === null) throw e;
      res.redirect(303, `${back}?error=${encodeURIComponent(refusal)}`);
    }
  }

  @Get('sign-in')
  signInPage(
    @Query('lang') lang: string | undefined,
    @Query('error') error: string | undefined,
    @Res() res: Response,
  ): void {
    const language = uiLanguageOf([], lang);
    const t = UI[language];
    res
      .type('html')
      .send(
        page(
          language,
          t,
          t.signIn,
          `<section>${error ? `<p class="error">${t.badToken}</p>` : ''}<form method="post" action="/dashboard/sign-in" class="inline"><label>${t.token}<input name="token" type="password" autocomplete="off" size="48" required></label><button>${t.signIn}</button></form></section>`,
          false,
        ),
      );
  }

  @Post('sign-in')
  async signIn(@Body() form: SignInForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    const actor = await this.tokens.authenticate(form.token.trim());
    if (!actor) return res.redirect(303, '/dashboard/sign-in?error=1');
    res.cookie(COOKIE, form.token.trim(), {
      httpOnly: true,
      sameSite: 'strict',
      path: '/dashboard',
      secure: req.secure,
    });
    res.redirect(303, '/dashboard');
  }

  @Post('sign-out')
  signOut(@Res() res: Response): void {
    res.clearCookie(COOKIE, { path: '/dashboard' });
    res.redirect(303, '/dashboard/sign-in');
  }

  @Get()
  home(@Req() req: Request, @Res() res: Response, @Query('lang') lang?: string): Promise<void> {
    return this.guarded(req, res, lang, async ({ actor, lang: l, t }) => {
      const me = actor.personId;
      const programs: Array<{ id: string; name: string; phase: string }> = await this.db.query(
        `SELECT id, name, phase FROM programs WHERE owner_id = $1 OR sponsor_id = $1 OR $1 = ANY(steering_group) ORDER BY created_at DESC LIMIT 100`,
        [me],
      );
      const rows: Array<{
        id: string;
        mentee_id: string;
        mentor_id: string;
        supervisor_id: string;
        owner_id: string;
        phase: string;
        state: MentorshipState | null;
        policy: { mentorship?: { sessionEveryMs?: number } } | null;
      }> = await this.db.query(
        `SELECT m.id, m.mentee_id, m.mentor_id, m.supervisor_id, m.owner_id, m.phase, m.state, p.policy
             FROM mentorships m LEFT JOIN programs p ON p.id = m.program_id
            WHERE $1 IN (m.mentee_id, m.mentor_id, m.supervisor_id, m.owner_id) ORDER BY m.created_at DESC LIMIT 200`,
        [me],
      );
      const name = await this.namesOf(rows.flatMap((r) => [r.mentee_id, r.mentor_id]));
      const roleOf = (r: (typeof rows)[number]) =>
        r.mentee_id === me ? t.mentee : r.mentor_id === me ? t.mentor : r.supervisor_id === me ? t.supervisor : t.owner;
      const nextDue = (r: (typeof rows)[number]) => {
        const from = r.state?.cadenceFrom;
        if (!from || r.phase !== 'ACTIVE') return '—';
        return date(
          new Date(
            Date.parse(from) + (r.policy?.mentorship?.sessionEveryMs ?? this.terms.policy.sessionEveryMs),
          ).toISOString(),
          l,
        );
      };
      const link = (id: string) => `<a href="/dashboard/mentorships/${id}?lang=${l}">${t.open}</a>`;
      const decisions = rows.filter(
        (r) => r.supervisor_id === me && r.state?.checkpoints.some((c) => c.decision === null),
      );
      return page(
        l,
        t,
        t.home,
        `<section><h2>${t.decisions}</h2>${table(
          t,
          [t.mentee, t.mentor, t.checkpoint, ''],
          decisions.map((r) => [
            esc(name(r.mentee_id)),
            esc(name(r.mentor_id)),
            String(r.state!.checkpoints.find((c) => c.decision === null)!.checkpoint),
            link(r.id),
          ]),
        )}</section>
<section><h2>${t.programs}</h2>${table(
          t,
          ['', t.phase],
          programs.map((p) => [
            `<a href="/dashboard/programs/${p.id}?lang=${l}">${esc(p.name)}</a>`,
            `<span class="phase">${esc(p.phase)}</span>`,
          ]),
        )}</section>
<section><h2>${t.mentorships}</h2>${table(
          t,
          [t.mentee, t.mentor, t.role, t.phase, t.sessions, t.nextSession, ''],
          rows.map((r) => [
            esc(name(r.mentee_id)),
            esc(name(r.mentor_id)),
            roleOf(r),
            `<span class="phase">${esc(r.phase)}</span>`,
            String(r.state?.sessions ?? 0),
            nextDue(r),
            link(r.id),
          ]),
        )}</section>`,
      );
    });
  }

  @Get('programs/:id')
  program(
    @Param('id', uuidParam) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Query('lang') lang?: string,
    @Query('flash') flash?: string,
    @Query('error') error?: string,
  ): Promise<void> {
    return this.guarded(req, res, lang, async ({ actor, lang: l, t }) => {
      const row = await this.programs.findReadable(id, actor);
      // The row above already checked access: the stream is read directly, not through a second check.
      const events = await readStream(this.db, programStreamId(id));
      const phases = events
        .filter((e) => e.type === 'ProgramPhaseChanged')
        .map((e) => ({
          at: e.occurredAt.toISOString(),
          to: (e.payload as Extract<ProgramEvent, { type: 'ProgramPhaseChanged' }>['data']).to,
        }));
      const snapshots = await mentorshipSnapshots(this.db, id);
      const now = Date.now();
      const { indicators, atRisk } = monitorProgram(snapshots, this.terms.policy, now);
      const name = await this.namesOf(snapshots.flatMap((x) => [x.menteeId, x.mentorId, x.supervisorId]));
      const state = await this.temporal.workflow.getHandle(row.workflowId).query(programStateQuery);
      const openReview = (state?.reviews ?? []).find((r) => r.decision === null);
      const [{ open: openCheckpoints }]: Array<{ open: number }> = await this.db.query(
        `SELECT count(*)::int AS open FROM mentorships WHERE program_id = $1 AND state -> 'checkpoints' @> '[{"decision": null}]'`,
        [id],
      );
      const closed = snapshots.filter((s) => s.roi).length;
      return page(
        l,
        t,
        row.name,
        `${flash ? `<p class="flash">${esc(flash)}</p>` : ''}${error ? `<p class="error">${esc(error)}</p>` : ''}<section><h2>${t.timeline}</h2><ol class="timeline">${phases.map((p) => `<li><span class="phase">${esc(p.to)}</span> ${date(p.at, l)}</li>`).join('')}</ol></section>
<section><h2>${t.mentorships}</h2><p>${t.engagement}: <strong>${indicators.engagement === null ? '—' : Math.round(indicators.engagement * 100) + ' %'}</strong></p>${table(
          t,
          [t.mentee, t.mentor, t.supervisor, t.phase, t.sessions, ''],
          snapshots.map((s) => [
            esc(name(s.menteeId)),
            esc(name(s.mentorId)),
            esc(name(s.supervisorId)),
            `<span class="phase">${esc(s.phase)}</span>`,
            String(s.sessions),
            `<a href="/dashboard/mentorships/${s.mentorshipId}?lang=${l}">${t.open}</a>`,
          ]),
        )}</section>
<section><h2>${t.atRisk}</h2>${table(
          t,
          [t.mentee, t.mentor, ''],
          atRisk.map((r) => [
            esc(name(r.menteeId)),
            esc(name(r.mentorId)),
            esc(r.reasons.map((x) => x.detail).join('; ')),
          ]),
        )}</section>
<section><h2>${t.progress}</h2>${svgBars(
          indicators.competencyProgress.map((c) => ({ label: c.competencyKey, value: c.meanGained })),
          2,
          { empty: t.none },
        )}</section>
<section><h2>${t.roi}</h2><p><strong>${closed}</strong> ${t.closedWithEvidence}</p>${table(
          t,
          [t.mentee, t.mentor, t.cost, t.benefit, 'ROI', t.facts],
          snapshots
            .filter((s) => s.roi)
            .map((s) => [
              esc(name(s.menteeId)),
              esc(name(s.mentorId)),
              esc(s.roi!.cost),
              esc(s.roi!.benefit),
              s.roi!.roi === null ? '—' : `${Math.round(s.roi!.roi * 100)} %`,
              esc(s.roi!.facts.map((f) => `${f.name}: ${f.before} → ${f.after} ${f.unit} (${f.source})`).join('; ')),
            ]),
        )}</section>
<section><h2>${t.upcoming}</h2><ul>${openReview ? `<li>${t.reviewOpen} ${openReview.review} (${date(openReview.openedAt, l)})</li>` : ''}<li>${openCheckpoints} × ${t.checkpoint}</li></ul>${
          openReview && actor.personId === row.ownerId
            ? `<form method="post" action="/dashboard/programs/${id}/reviews/${openReview.review}/keep" class="inline"><label>${t.reviewNotes}<input name="notes" size="50" required minlength="3"></label><button>${t.keepCourse}</button></form>`
            : ''
        }</section>`,
      );
    });
  }

  @Get('mentorships/:id')
  mentorship(
    @Param('id', uuidParam) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Query('lang') lang?: string,
    @Query('flash') flash?: string,
    @Query('error') error?: string,
  ): Promise<void> {
    return this.guarded(req, res, lang, async ({ actor, lang: l, t }) => {
      const m = await this.mentorships.get(id, actor);
      const name = await this.namesOf([m.menteeId, m.mentorId]);
      const open = m.checkpoints.find((c) => c.decision === null);
      const isSupervisor = actor.personId === m.supervisorId;
      const isMentor = actor.personId === m.mentorId;
      const decideForm =
        open && isSupervisor
          ? `<section><h2>${t.decide}: ${t.checkpoint} ${open.checkpoint}</h2><form method="post" action="/dashboard/mentorships/${id}/checkpoints/${open.checkpoint}/decision" class="inline">
<label>${t.decision}<select name="decision"><option value="approve">${t.approve}</option><option value="request-changes">${t.requestChanges}</option><option value="escalate">${t.escalate}</option></select></label>
<label>${t.guidance}<input name="guidance" size="40"></label><button>${t.decide}</button></form></section>`
          : '';
      const sessionForm =
        isMentor && m.phase === 'ACTIVE'
          ? `<section><h2>${t.logSession}</h2><form method="post" action="/dashboard/mentorships/${id}/sessions" class="inline"><label>${t.minutes}<input name="minutes" type="number" min="5" max="480" value="60"></label><label>${t.topics}<input name="topics" size="40" required></label><button>${t.logSession}</button></form></section>`
          : '';
      return page(
        l,
        t,
        `${name(m.menteeId)} ← ${name(m.mentorId)}`,
        `${flash ? `<p class="flash">${esc(flash)}</p>` : ''}${error ? `<p class="error">${esc(error)}</p>` : ''}
<section><p>${t.phase}: <span class="phase" id="phase">${esc(m.phase)}</span> · ${t.sessions}: ${m.sessions}</p>
<h2>${t.goals}</h2>${table(
          t,
          ['', ''],
          m.goals.map((g) => [esc(g.competencyKey), `→ ${g.targetLevel}`]),
        )}
<h2>${t.checkpoint}</h2>${table(
          t,
          ['#', t.decision],
          m.checkpoints.map((c) => [
            String(c.checkpoint),
            `<span class="decision">${esc(c.decision ?? t.pending)}</span>`,
          ]),
        )}</section>${decideForm}${sessionForm}`,
      );
    });
  }

  @Post('mentorships/:id/checkpoints/:checkpoint/decision')
  decide(
    @Param('id', uuidParam) id: string,
    @Param('checkpoint', checkpointParam) checkpoint: number,
    @Body() form: DecisionForm,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.act(
      req,
      res,
      `/dashboard/mentorships/${id}`,
      (t) => t.decided,
      (actor) =>
        this.mentorships.decideCheckpoint(
          id,
          checkpoint,
          { decision: form.decision, ...(form.guidance ? { guidance: form.guidance } : {}) },
          actor,
        ),
    );
  }

  @Post('programs/:id/reviews/:review/keep')
  keepCourse(
    @Param('id', uuidParam) id: string,
    @Param('review', reviewParam) review: number,
    @Body() form: ReviewForm,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.act(
      req,
      res,
      `/dashboard/programs/${id}`,
      (t) => t.decided,
      async (actor) => {
        const row = await this.programs.findOwned(id, actor);
        await this.temporal.workflow.getHandle(row.workflowId).executeUpdate(decideReviewUpdate, {
          args: [{ actor, review, decision: { decision: 'keep', notes: form.notes } }],
        });
      },
    );
  }

  @Post('mentorships/:id/sessions')
  logSession(
    @Param('id', uuidParam) id: string,
    @Body() form: SessionForm,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const topics = form.topics
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    return this.act(
      req,
      res,
      `/dashboard/mentorships/${id}`,
      (t) => t.logged,
      (actor) =>
        this.mentorships.logSession(
          id,
          { heldAt: new Date().toISOString(), minutes: form.minutes, topics, competencies: [] },
          actor,
        ),
    );
  }
}

function messageOf(e: HttpException): string {
  const body = e.getResponse();
  return typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : e.message;
}
