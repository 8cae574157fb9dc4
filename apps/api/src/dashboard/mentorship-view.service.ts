import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_MODEL_KEY,
  mentorshipTermsOf,
  mentorshipViewpointOf,
  nextSessionDue,
  type Actor,
} from '../../../../libs/domain/src/index.js';
import type { MentorshipTerms } from '../../../../libs/contracts/src/index.js';
import { MentorshipQueries, PeopleQueries, ProgramQueries } from '../../../../libs/persistence/src/index.js';
import { CompetencyService } from '../competencies/competency.service.js';
import { MentorshipsService } from '../mentorships/mentorships.service.js';
import { MENTORSHIP_TERMS } from '../tokens.js';
import type { Ui } from '../views/i18n.js';
import type { MentorshipView } from './views/mentorship.page.js';

const LIVE = ['ACTIVE', 'MIDTERM_REVIEW'];

/**
 * A mentorship's page: read through the JSON routes' service (its access check, its briefing, its
 * sessions with private notes for their author only), names and the program's terms beside it.
 */
@Injectable()
export class MentorshipViewService {
  constructor(
    private readonly mentorships: MentorshipsService,
    private readonly mentorshipQueries: MentorshipQueries,
    private readonly programs: ProgramQueries,
    private readonly people: PeopleQueries,
    private readonly competencies: CompetencyService,
    @Inject(MENTORSHIP_TERMS) private readonly terms: MentorshipTerms,
  ) {}

  async view(id: string, actor: Actor, ui: Ui): Promise<MentorshipView> {
    const m = await this.mentorships.get(id, actor);
    const [briefing, sessions, row, program, model] = await Promise.all([
      this.mentorships.checkpoints(id, actor),
      this.mentorships.sessions(id, actor),
      this.mentorshipQueries.find(id),
      this.programs.find(m.programId),
      this.competencies.model(DEFAULT_MODEL_KEY),
    ]);
    const names = await this.people.namesOf([m.menteeId, m.mentorId, m.supervisorId]);
    const name = (pid: string) => names.get(pid) ?? pid;
    const viewpoint = mentorshipViewpointOf(actor, m)!;
    const { policy } = mentorshipTermsOf({ policy: program?.policy ?? undefined }, this.terms);
    const state = row?.state ?? null;
    const due = state && LIVE.includes(m.phase) ? nextSessionDue(state, policy) : null;
    const open = m.checkpoints.find((c) => c.decision === null);
    const side = viewpoint === 'mentor' || viewpoint === 'mentee' ? viewpoint : null;
    const stage = m.phase === 'MIDTERM_REVIEW' ? 'midterm' : m.phase === 'FINAL_EVALUATION' ? 'final' : null;
    const isOwner = viewpoint === 'owner' && actor.roles.includes('owner');
    const finished = m.phase === 'CLOSED' || m.phase === 'TERMINATED';
    const pulse = briefing.latestPulse as { scores: Record<string, number>; comment: string | null } | null;
    return {
      id,
      programId: m.programId,
      programName: program?.name ?? null,
      title: `${name(m.menteeId)} ← ${name(m.mentorId)}`,
      names: { mentee: name(m.menteeId), mentor: name(m.mentorId), supervisor: name(m.supervisorId) },
      viewpoint,
      phase: m.phase,
      now: Date.now(),
      goals: m.goals,
      agreedBy: m.agreedBy,
      sessions: [...sessions].sort((a, b) => b.heldAt.localeCompare(a.heldAt)),
      nextSessionDue: due === null ? null : new Date(due).toISOString(),
      checkpoints: m.checkpoints.map((c) => ({
        ...c,
        dueBy: new Date(Date.parse(c.openedAt) + policy.checkpointDecisionMs).toISOString(),
      })),
      ...(viewpoint === 'mentor' ? {} : { latestPulse: pulse }),
      reviewsAnswered: { midterm: m.reviewsAnswered.midterm ?? [], final: m.reviewsAnswered.final ?? [] },
      facts: (state?.facts ?? []).map((f) => ({ name: f.name, unit: f.unit })),
      competencyOptions: model.definition.competencies.map((c) => ({
        value: c.key,
        label: ui.competency(c.key, c.name),
      })),
      roi: m.roi ?? null,
      terminationReason: m.terminationReason,
      can: {
        approve: viewpoint === 'supervisor' && m.phase === 'AWAITING_SUPERVISOR_APPROVAL',
        kickoff: side && m.phase === 'KICKOFF' && !m.agreedBy.includes(side) ? side : null,
        logSession: side === 'mentor' && LIVE.includes(m.phase),
        pulse: side === 'mentee' && LIVE.includes(m.phase),
        decide: viewpoint === 'supervisor' && open ? open.checkpoint : null,
        review: side && stage && !(m.reviewsAnswered[stage] ?? []).includes(side) ? stage : null,
        pause: isOwner && ['ACTIVE', 'KICKOFF', 'MIDTERM_REVIEW'].includes(m.phase),
        resume: isOwner && m.phase === 'PAUSED',
        extraCheckpoint: isOwner && LIVE.includes(m.phase) && !open,
        terminate: isOwner && !finished,
      },
    };
  }
}
