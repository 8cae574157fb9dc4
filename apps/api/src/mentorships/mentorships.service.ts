import { Injectable } from '@nestjs/common';
import { canSeePrivateNotes, canSeeSurveyAnswer, type Actor } from '../../../../libs/domain/src/index.js';
import { MentorshipQueries, SessionQueries } from '../../../../libs/persistence/src/index.js';
import { ApiError } from '../http/api-error.js';
import {
  CheckpointBriefingResponse,
  MentorshipResponse,
  MentorshipSummaryResponse,
  type SessionResponse,
  type TimelineEntryResponse,
  type Viewpoint,
} from './dto/mentorship.response.js';
import { MentorshipAccess } from './mentorship-access.js';

/** What the four people of a mentorship read of it. */
@Injectable()
export class MentorshipsService {
  constructor(
    private readonly access: MentorshipAccess,
    private readonly mentorships: MentorshipQueries,
    private readonly sessionQueries: SessionQueries,
  ) {}

  /** The caller's own mentorships, in whatever role. */
  async mine(actor: Actor): Promise<MentorshipSummaryResponse[]> {
    return (await this.mentorships.listOf(actor.personId)).map((r) => MentorshipSummaryResponse.from(r, actor));
  }

  /** Live state from the workflow (a query), for the four people of the mentorship. */
  async get(id: string, actor: Actor): Promise<MentorshipResponse> {
    const { row } = await this.access.load(id, actor);
    return MentorshipResponse.from(await this.access.live(row));
  }

  async timeline(id: string, actor: Actor): Promise<TimelineEntryResponse[]> {
    const { row, viewpoint } = await this.access.load(id, actor);
    const events = await this.mentorships.timeline(row.id);
    return events.map((e) => ({
      version: e.streamVersion,
      type: e.type,
      at: e.occurredAt.toISOString(),
      actorId: e.actorId,
      data: visibleData(e.type, e.payload, e.actorId, actor, viewpoint),
    }));
  }

  async sessions(id: string, actor: Actor): Promise<SessionResponse[]> {
    const { row } = await this.access.load(id, actor);
    return this.sessionRows(row.id, actor);
  }

  async checkpoints(id: string, actor: Actor): Promise<CheckpointBriefingResponse> {
    const { row, viewpoint } = await this.access.load(id, actor);
    const live = await this.access.live(row);
    const state = MentorshipResponse.from(live);
    return {
      checkpoints: state.checkpoints,
      open: state.checkpoints.find((c) => c.decision === null)?.checkpoint ?? null,
      sessions: await this.sessionRows(row.id, actor),
      goals: state.goals,
      // The pulse is the mentee's: she, the supervisor and the owner see it, not the mentor.
      latestPulse: canSeeSurveyAnswer(viewpoint, viewpoint === 'mentee')
        ? (live.latestPulse as unknown as Record<string, unknown> | null)
        : null,
    };
  }

  async roi(id: string, actor: Actor) {
    const { row } = await this.access.load(id, actor);
    const state = await this.access.live(row);
    if (!state.roi)
      throw new ApiError(
        409,
        'MENTORSHIP.NO_EVIDENCE_YET',
        `the mentorship is ${state.phase}; its ROI evidence is recorded when it closes`,
      );
    return state.roi;
  }

  private async sessionRows(mentorshipId: string, actor: Actor): Promise<SessionResponse[]> {
    return (await this.sessionQueries.ofMentorship(mentorshipId)).map(({ privateNotes, authorId, ...r }) => ({
      sessionId: r.sessionId,
      heldAt: r.heldAt,
      minutes: r.minutes,
      topics: r.topics,
      competencies: r.competencies,
      sharedNotes: r.sharedNotes,
      ...(canSeePrivateNotes(actor, authorId) ? { privateNotes } : {}),
      loggedAt: r.loggedAt,
    }));
  }
}

/** Private notes reach their author only; a survey answer reaches its author, the supervisor and the owner. */
function visibleData(
  type: string,
  payload: unknown,
  authorId: string,
  actor: Actor,
  viewpoint: Viewpoint,
): Record<string, unknown> {
  const data = { ...(payload as Record<string, unknown>) };
  if (type === 'SessionLogged' && !canSeePrivateNotes(actor, authorId)) delete data.privateNotes;
  if (
    (type === 'ReviewSubmitted' || type === 'PulseSubmitted') &&
    !canSeeSurveyAnswer(viewpoint, authorId === actor.personId)
  )
    delete data.survey;
  return data;
}
