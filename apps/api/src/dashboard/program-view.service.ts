import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_MODEL_KEY,
  mentorshipTermsOf,
  verdictOf,
  type Actor,
  type Language,
} from '../../../../libs/domain/src/index.js';
import type { MentorshipTerms } from '../../../../libs/contracts/src/index.js';
import { PeopleQueries, SessionQueries } from '../../../../libs/persistence/src/index.js';
import { Access } from '../access/access.service.js';
import { ApiError } from '../http/api-error.js';
import { CasesService } from '../proof/cases.service.js';
import { CompetencyService } from '../competencies/competency.service.js';
import { CycleService } from '../cycle/cycle.service.js';
import { MatchingService } from '../matching/matching.service.js';
import { MentorshipPlanningService } from '../mentorships/mentorship-planning.service.js';
import { CycleReportService } from '../monitoring/cycle-report.service.js';
import { MonitoringService } from '../monitoring/monitoring.service.js';
import { ProgramsService } from '../programs/programs.service.js';
import { ReviewsService } from '../reviews/reviews.service.js';
import { MENTORSHIP_TERMS } from '../tokens.js';
import type { Ui } from '../views/i18n.js';
import { executionOf, weekly } from './program-execution-view.js';
import type { ProgramView, ProofView } from './views/program-view.js';
import type { TrainingView as TrainingPlanView } from './views/training.page.js';

const AFTER_MATCHING = ['TRAINING', 'EXECUTION', 'EVALUATION'];
// Phases in which mentorships of the cycle can have closed, so that its report can hold an effect.
const WITH_EFFECT = ['EXECUTION', 'EVALUATION', 'CLOSED', 'RENEWED'];

/**
 * A program's page: each part read through the JSON route's own service, so that each keeps its
 * access rule (the sponsor and the steering group see the plan, reviews and report; the owner all).
 */
@Injectable()
export class ProgramViewService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly matching: MatchingService,
    private readonly cycle: CycleService,
    private readonly planning: MentorshipPlanningService,
    private readonly monitoring: MonitoringService,
    private readonly reviews: ReviewsService,
    private readonly competencies: CompetencyService,
    private readonly sessions: SessionQueries,
    private readonly people: PeopleQueries,
    private readonly access: Access,
    private readonly cases: CasesService,
    private readonly reports: CycleReportService,
    @Inject(MENTORSHIP_TERMS) private readonly terms: MentorshipTerms,
  ) {}

  async view(
    id: string,
    actor: Actor,
    ui: Ui,
    filter: { q?: string; phase?: string; sort?: string },
    cycleAsked?: number,
  ): Promise<ProgramView> {
    const row = await this.programs.findReadable(id, actor);
    // The owner's whole page (matching, training, monitoring) for whoever the access policy lets manage it.
    const owner = this.access.managesProgram(actor, row);
    const { view: cycle, cycles } = await this.programs.cycle(id, cycleAsked);
    // An earlier cycle reads as it ended (renewed): its record, no form of the running one.
    const running = cycle.cycle === cycles.at(-1);
    const phase = running ? row.phase : cycle.state.phase;
    const lessons = await this.cycle.lessons(id, actor);
    const briefing = await this.reviews.briefing(id, actor, cycle.cycle);
    const matching = owner && running ? await this.matching.state(id, actor) : null;
    const training = owner && running && AFTER_MATCHING.includes(phase) ? await this.cycle.training(id, actor) : null;
    const planned = owner && running && phase !== 'CLOSED' ? await this.planning.ofProgram(id, actor) : [];
    const overview = owner && phase !== 'CLOSED' ? await this.monitoring.overview(id, cycle.cycle) : null;
    const snapshots = overview?.snapshots ?? [];
    const proof = WITH_EFFECT.includes(phase) ? await this.proof(id, actor, cycle.cycle, ui.lang) : null;
    const model = await this.competencies.model(DEFAULT_MODEL_KEY);
    const directory =
      owner && phase === 'SELECTION_MATCHING'
        ? (await this.people.page({ status: 'active', limit: 1000, offset: 0 })).items
        : [];
    const ids = [
      row.sponsorId,
      ...row.steeringGroup,
      ...(matching?.participants.map((p) => p.personId) ?? []),
      ...(matching ? [...matching.pins, ...matching.bans].flatMap((d) => [d.menteeId, d.mentorId, d.by]) : []),
      ...snapshots.flatMap((s) => [s.menteeId, s.mentorId, s.supervisorId]),
      ...planned.flatMap((p) => [p.menteeId, p.mentorId, p.supervisorId]),
      ...(training?.sessions.flatMap((s) => s.attendees) ?? []),
    ];
    const names = await this.people.namesOf(ids);
    const name = (pid: string) => names.get(pid) ?? pid;
    const participants = matching?.participants ?? [];
    const option = (pid: string) => ({ value: pid, label: name(pid) });
    const approved = matching?.proposals.find((p) => p.version === matching.approvedVersion)?.summary ?? null;
    return {
      id,
      name: row.name,
      phase,
      cycle: cycle.cycle,
      cycles,
      now: Date.now(),
      reader: { owner, sponsor: row.sponsorId === actor.personId },
      // The creation and a first change into the same phase read as one step.
      timeline: cycle.timeline.filter((p, i, all) => i === 0 || all[i - 1].phase !== p.phase),
      plan: {
        sponsor: name(row.sponsorId),
        steering: row.steeringGroup.map(name),
        objectives: briefing.objectives,
        keySuccessFactors: row.keySuccessFactors,
        policy: row.policy,
        rhythm: mentorshipTermsOf({ policy: row.policy ?? undefined }, this.terms).policy,
      },
      lessons: lessons.lessons,
      reviews: { list: briefing.reviews, open: briefing.open, feedback: briefing.feedback },
      matching: matching && {
        participants: participants.map((p) => ({ ...p, name: name(p.personId) })),
        pins: matching.pins.map((d) => ({
          mentee: name(d.menteeId),
          mentor: name(d.mentorId),
          by: name(d.by),
          reason: d.reason,
        })),
        bans: matching.bans.map((d) => ({
          mentee: name(d.menteeId),
          mentor: name(d.mentorId),
          by: name(d.by),
          reason: d.reason,
        })),
        proposals: matching.proposals.map((p) => ({
          version: p.version,
          status: p.status,
          matched: p.summary?.matched ?? null,
          unmatched: p.summary?.unmatched ?? null,
          totalScore: p.summary?.totalScore ?? null,
          approved: p.version === matching.approvedVersion,
        })),
        directory: directory.map((p) => ({ value: p.id, label: `${p.name} (${p.department})` })),
        mentees: participants.filter((p) => p.role === 'mentee').map((p) => option(p.personId)),
        mentors: participants.filter((p) => p.role === 'mentor').map((p) => option(p.personId)),
      },
      competencyOptions: model.definition.competencies.map((c) => ({
        value: c.key,
        label: ui.competency(c.key, c.name),
      })),
      training: training && {
        sessions: training.sessions.map((s) => ({ ...s, attendees: s.attendees.map(name) })),
        trained: training.trainedMentors.map(name),
        untrained: training.untrainedMentors.map(name),
        mentors: participants.filter((p) => p.role === 'mentor').map((p) => option(p.personId)),
        mentees: participants.filter((p) => p.role === 'mentee').map((p) => option(p.personId)),
        supervisors: participants.filter((p) => p.role === 'supervisor').map((p) => option(p.personId)),
        pairs: (approved?.pairs ?? []).map((pair) => {
          const plan = planned.find((m) => m.menteeId === pair.menteeId);
          return {
            menteeId: pair.menteeId,
            mentee: name(pair.menteeId),
            mentor: name(pair.mentorId),
            supervisor: plan ? name(plan.supervisorId) : null,
            status: plan?.status ?? null,
          };
        }),
      },
      execution:
        overview &&
        executionOf(
          {
            cycle: overview.view.cycle,
            cycles,
            indicators: overview.indicators,
            atRisk: overview.atRisk,
            at: overview.at,
          },
          snapshots,
          planned,
          name,
          filter,
          weekly(await this.sessions.heldAtOf(snapshots.map((s) => s.mentorshipId))),
        ),
      proof,
      continuing: participants.map((p) => ({ value: p.personId, label: `${name(p.personId)} (${ui.term(p.role)})` })),
    };
  }

  /**
   * The effect block: the cycle's report through its own service (same access policy, same privacy
   * rule, same computation as report.html), each visible estimate's verdict in the reader's language.
   */
  private async proof(id: string, actor: Actor, cycle: number, lang: Language): Promise<ProofView> {
    const { report } = await this.reports.report(id, actor, cycle, lang);
    return {
      measures: report.comparison.map((c) => ({
        ...c,
        verdict: c.effect.visibility === 'withheld' ? null : verdictOf(c.effect, lang),
      })),
    };
  }

  /** The cycle's training plan as recorded, else as the domain proposes it now (owner, HR admins). */
  async trainingPlan(id: string, actor: Actor): Promise<TrainingPlanView> {
    const row = await this.programs.findRow(id);
    const recorded = await this.cases.recorded(id, actor).catch((e: unknown) => {
      if (e instanceof ApiError && e.getStatus() === 404) return null;
      throw e;
    });
    const plan = recorded ? { ...recorded.plan, items: recorded.items } : await this.cases.proposal(id, actor);
    const names = await this.people.namesOf(plan.items.flatMap((i) => i.trainerIds));
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
        trainers: i.trainerIds.map((pid) => names.get(pid) ?? pid),
        caseIds: i.caseIds,
      })),
      cases: plan.cases,
    };
  }
}
