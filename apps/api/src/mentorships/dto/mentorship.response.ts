import { RoiEvidenceResponse } from './roi.response.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  mentorshipViewpointOf,
  type Actor,
  type MentorshipState,
  type MentorshipViewpoint,
  type RoiEvidence,
} from '../../../../../libs/domain/src/index.js';
import type { MentorshipListItem } from '../../../../../libs/persistence/src/index.js';

/** How the caller relates to a mentorship: decides which fields they see (the rule is the access policy's). */
export type Viewpoint = MentorshipViewpoint;

export class GoalResponse {
  @ApiProperty() competencyKey!: string;
  @ApiProperty() targetLevel!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Level at kickoff (from the mentor).' }) baselineLevel!:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Latest re-assessed level (midterm or final review).' })
  latestLevel!: number | null;
}

export class CheckpointSummaryResponse {
  @ApiProperty() checkpoint!: number;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['approve', 'request-changes', 'escalate'] }) decision!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) guidance!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
}

export class MentorshipResponse {
  @ApiProperty() id!: string;
  @ApiProperty() programId!: string;
  @ApiProperty() menteeId!: string;
  @ApiProperty() mentorId!: string;
  @ApiProperty() supervisorId!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({
    enum: [
      'AWAITING_SUPERVISOR_APPROVAL',
      'KICKOFF',
      'ACTIVE',
      'MIDTERM_REVIEW',
      'FINAL_EVALUATION',
      'CLOSED',
      'PAUSED',
      'TERMINATED',
    ],
  })
  phase!: string;
  @ApiProperty() phaseSince!: string;
  @ApiProperty({ type: String, nullable: true }) activeSince!: string | null;
  @ApiProperty({ type: [GoalResponse] }) goals!: GoalResponse[];
  @ApiProperty({ type: [String], description: 'Who agreed on the goals during KICKOFF.' }) agreedBy!: string[];
  @ApiProperty() sessions!: number;
  @ApiProperty() sessionMinutes!: number;
  @ApiProperty({ type: String, nullable: true }) lastSessionAt!: string | null;
  @ApiProperty({ type: [CheckpointSummaryResponse] }) checkpoints!: CheckpointSummaryResponse[];
  @ApiProperty({ description: 'Who has answered each review stage.', example: { midterm: ['mentor'], final: [] } })
  reviewsAnswered!: Record<string, string[]>;
  @ApiProperty() remindersSent!: number;
  @ApiProperty() escalations!: number;
  @ApiProperty({ type: String, nullable: true }) terminationReason!: string | null;
  @ApiProperty() rematchRequested!: boolean;
  @ApiProperty({ description: 'Stream version: the number of events so far.' }) version!: number;
  @ApiPropertyOptional({ type: RoiEvidenceResponse, nullable: true, description: 'ROI evidence, once CLOSED.' })
  roi?: RoiEvidence | null;

  static from(s: MentorshipState): MentorshipResponse {
    const latest = s.reviews.final.mentor?.levels ?? s.reviews.midterm.mentor?.levels ?? {};
    return {
      id: s.mentorshipId,
      programId: s.programId,
      menteeId: s.menteeId,
      mentorId: s.mentorId,
      supervisorId: s.supervisorId,
      ownerId: s.ownerId,
      phase: s.phase,
      phaseSince: s.phaseSince,
      activeSince: s.activeSince,
      goals: s.goals.map((g) => ({
        competencyKey: g.competencyKey,
        targetLevel: g.targetLevel,
        baselineLevel: s.baselines[g.competencyKey] ?? null,
        latestLevel: latest[g.competencyKey] ?? null,
      })),
      agreedBy: s.agreedBy,
      sessions: s.sessions,
      sessionMinutes: s.sessionMinutes,
      lastSessionAt: s.lastSessionAt,
      checkpoints: s.checkpoints.map((c) => ({
        checkpoint: c.checkpoint,
        openedAt: c.openedAt,
        decision: c.decision,
        guidance: c.guidance,
        decidedAt: c.decidedAt,
      })),
      reviewsAnswered: { midterm: Object.keys(s.reviews.midterm), final: Object.keys(s.reviews.final) },
      remindersSent: s.remindersSent,
      escalations: s.escalations,
      terminationReason: s.terminationReason,
      rematchRequested: s.rematchRequested,
      version: s.version,
      roi: s.roi,
    };
  }
}

export class MentorshipSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() programId!: string;
  @ApiProperty() menteeId!: string;
  @ApiProperty() mentorId!: string;
  @ApiProperty() supervisorId!: string;
  @ApiProperty() phase!: string;
  @ApiProperty() sessions!: number;
  @ApiProperty({ type: String, nullable: true }) lastSessionAt!: string | null;
  @ApiProperty() remindersSent!: number;
  @ApiProperty() escalations!: number;
  @ApiProperty({ enum: ['mentee', 'mentor', 'supervisor', 'owner'] }) myRole!: Viewpoint;

  static from(r: MentorshipListItem, actor: Actor): MentorshipSummaryResponse {
    return {
      id: r.id,
      programId: r.programId,
      menteeId: r.menteeId,
      mentorId: r.mentorId,
      supervisorId: r.supervisorId,
      phase: r.phase,
      sessions: r.sessions,
      lastSessionAt: r.lastSessionAt,
      remindersSent: r.remindersSent,
      escalations: r.escalations,
      myRole: mentorshipViewpointOf(actor, r)!,
    };
  }
}

export class SessionResponse {
  @ApiProperty() sessionId!: string;
  @ApiProperty() heldAt!: string;
  @ApiProperty() minutes!: number;
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty({ type: [String] }) competencies!: string[];
  @ApiProperty({ type: String, nullable: true }) sharedNotes!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Present for the mentor (its author) only.' })
  privateNotes?: string | null;
  @ApiProperty() loggedAt!: string;
}

export class TimelineEntryResponse {
  @ApiProperty() version!: number;
  @ApiProperty() type!: string;
  @ApiProperty() at!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty({
    description: 'The event’s data, minus what the caller may not see (private notes, others’ survey answers).',
  })
  data!: Record<string, unknown>;
}

export class CheckpointBriefingResponse {
  @ApiProperty({ type: [CheckpointSummaryResponse] }) checkpoints!: CheckpointSummaryResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'The open checkpoint, if any.' }) open!: number | null;
  @ApiProperty({ type: [SessionResponse], description: "The mentor's sessions (shared notes only)." })
  sessions!: SessionResponse[];
  @ApiProperty({ type: [GoalResponse] }) goals!: GoalResponse[];
  @ApiProperty({ nullable: true, description: "The mentee's latest pulse survey." }) latestPulse!: Record<
    string,
    unknown
  > | null;
}
