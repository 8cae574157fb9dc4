import { Inject, Injectable } from '@nestjs/common';
import { mentorshipTermsOf, nextSessionDue, openCheckpoint, type Actor } from '../../../../libs/domain/src/index.js';
import type { MentorshipTerms } from '../../../../libs/contracts/src/index.js';
import { MentorshipQueries, PeopleQueries } from '../../../../libs/persistence/src/index.js';
import { ApiError } from '../http/api-error.js';
import { Access } from '../access/access.service.js';
import { MentorshipsService } from '../mentorships/mentorships.service.js';
import { MonitoringService } from '../monitoring/monitoring.service.js';
import { ProgramsService } from '../programs/programs.service.js';
import { CasesService } from '../proof/cases.service.js';
import { ReviewsService } from '../reviews/reviews.service.js';
import { MENTORSHIP_TERMS } from '../tokens.js';
import type { HomeView } from './views/home.page.js';
import type { MentorshipView } from './views/mentorship.page.js';
import type { ProgramView } from './views/program.page.js';
import type { TrainingView } from './views/training.page.js';

/**
 * What each dashboard page shows, gathered through the same services (and access checks) as the
 * JSON API, plus the read models a page needs beside them (names, lists). No rule is decided here.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly mentorships: MentorshipsService,
    private readonly monitoring: MonitoringService,
    private readonly reviews: ReviewsService,
    private readonly cases: CasesService,
    private readonly mentorshipQueries: MentorshipQueries,
    private readonly people: PeopleQueries,
    private readonly access: Access,
    @Inject(MENTORSHIP_TERMS) private readonly terms: MentorshipTerms,
  ) {}

  /** Display names of the people a page lists (ids stay visible where no name is known). */
  private async namesOf(ids: string[]): Promise<(id: string) => string> {
    const names = await this.people.namesOf(ids);
    return (id: string) => names.get(id) ?? id;
  }

  async home(actor: Actor): Promise<HomeView> {
    const me = actor.personId;
    const programs = (await this.programs.list({ limit: 100, offset: 0 }, actor)).items;
    const rows = await this.mentorshipQueries.withStateOf(me);
    const name = await this.namesOf(rows.flatMap((r) => [r.menteeId, r.mentorId]));
    const roleOf = (r: (typeof rows)[number]) =>
      r.menteeId === me ? 'mentee' : r.mentorId === me ? 'mentor' : r.supervisorId === me ? 'supervisor' : 'owner';
    return {
      decisions: rows.flatMap((r) => {
        const open = r.supervisorId === me && r.state ? openCheckpoint(r.state) : undefined;
        return open
          ? [{ id: r.id, mentee: name(r.menteeId), mentor: name(r.mentorId), checkpoint: open.checkpoint }]
          : [];
      }),
      programs: programs.map((p) => ({ id: p.id, name: p.name, phase: p.phase })),
      mentorships: rows.map((r) => {
        const { policy } = mentorshipTermsOf({ policy: r.programPolicy ?? undefined }, this.terms);
        const due = r.phase === 'ACTIVE' && r.state ? nextSessionDue(r.state, policy) : null;
        return {
          id: r.id,
          mentee: name(r.menteeId),
          mentor: name(r.mentorId),
          role: roleOf(r),
          phase: r.phase,
          sessions: r.state?.sessions ?? 0,
          nextSessionDue: due === null ? null : new Date(due).toISOString(),
        };
      }),
    };
  }

  /**
   * A program for its readers. Its mentorships by name and the at-risk list (with the pulses behind
   * it) are the owner's, as on GET /programs/:id/mentorships and /monitoring: the sponsor and the
   * steering group get the phases, the indicators, the evidence and what is coming.
   */
  async program(id: string, actor: Actor, cycle?: number): Promise<ProgramView> {
    const row = await this.programs.findReadable(id, actor);
    const manages = this.access.managesProgram(actor, row);
    const { view, cycles, snapshots, indicators, atRisk } = await this.monitoring.overview(id, cycle);
    const name = await this.namesOf(snapshots.flatMap((x) => [x.menteeId, x.mentorId, x.supervisorId]));
    const openReview = (await this.reviews.reviewsOf(id, actor, view.cycle)).find((r) => r.decision === null) ?? null;
    return {
      id,
      name: row.name,
      cycle: view.cycle,
      cycles,
      timeline: view.timeline,
      engagement: indicators.engagement,
      mentorships: !manages
        ? null
        : snapshots.map((s) => ({
            id: s.mentorshipId,
            mentee: name(s.menteeId),
            mentor: name(s.mentorId),
            supervisor: name(s.supervisorId),
            phase: s.phase,
            sessions: s.sessions,
          })),
      atRisk: !manages
        ? null
        : atRisk.map((r) => ({
            mentee: name(r.menteeId),
            mentor: name(r.mentorId),
            reasons: r.reasons.map((x) => x.detail).join('; '),
          })),
      progress: indicators.competencyProgress.map((c) => ({ label: c.competencyKey, value: c.meanGained })),
      evidence: snapshots.flatMap((s) =>
        s.roi ? [{ mentee: name(s.menteeId), mentor: name(s.mentorId), roi: s.roi }] : [],
      ),
      openReview: openReview && { review: openReview.review, openedAt: openReview.openedAt },
      openCheckpoints: await this.mentorshipQueries.openCheckpointCount(id),
      canKeepCourse: manages,
    };
  }

  /** The cycle's training plan as recorded, else as the domain proposes it now (owner, HR admins). */
  async training(id: string, actor: Actor): Promise<TrainingView> {
    const row = await this.programs.findRow(id);
    const recorded = await this.cases.recorded(id, actor).catch((e: unknown) => {
      if (e instanceof ApiError && e.getStatus() === 404) return null;
      throw e;
    });
    const plan = recorded ? { ...recorded.plan, items: recorded.items } : await this.cases.proposal(id, actor);
    const name = await this.namesOf(plan.items.flatMap((i) => i.trainerIds));
    return {
      id,
      name: row.name,
      cycle: plan.cycle,
      recorded: recorded !== null,
      items: plan.items.map((i) => ({
        competency: i.competencyKey,
        title: i.title,
        audience: i.audience,
        menteesTargeting: i.menteesTargeting,
        meanGap: i.meanGap,
        trainers: i.trainerIds.map(name),
        caseIds: i.caseIds,
      })),
      cases: plan.cases,
    };
  }

  async mentorship(id: string, actor: Actor): Promise<MentorshipView> {
    const m = await this.mentorships.get(id, actor);
    const name = await this.namesOf([m.menteeId, m.mentorId]);
    return {
      id,
      title: `${name(m.menteeId)} ← ${name(m.mentorId)}`,
      phase: m.phase,
      sessions: m.sessions,
      goals: m.goals.map((g) => ({ competencyKey: g.competencyKey, targetLevel: g.targetLevel })),
      checkpoints: m.checkpoints.map((c) => ({ checkpoint: c.checkpoint, decision: c.decision })),
      openCheckpoint:
        actor.personId === m.supervisorId ? (m.checkpoints.find((c) => c.decision === null)?.checkpoint ?? null) : null,
      canLogSession: actor.personId === m.mentorId && m.phase === 'ACTIVE',
    };
  }
}
