import type { Actor } from '../shared/actor.js';
import type { ProgramEventType } from '../program/program-events.js';
import { canManageProgram, canReadProgram, type ProgramParties } from './access-policy.js';

/**
 * Who reads each event of a program's stream (`GET /programs/:id/events`): every reader of the
 * program (owner, sponsor, steering group), or its owner only. What the sponsor and the steering
 * group are refused elsewhere stays out of their stream too: enrolment (goals, wishes), proposals,
 * pins and bans with their reasons, approved pairs, training attendance, planned mentorships,
 * recognition of named mentors, rematches. The table is exhaustive: a new event type does not
 * compile until it is given its audience.
 */
export const PROGRAM_EVENT_AUDIENCE: Record<ProgramEventType, 'readers' | 'owner'> = {
  ProgramCreated: 'readers',
  ProgramPhaseChanged: 'readers',
  LaunchApproved: 'readers',
  LaunchApprovalReminderDue: 'readers',
  LaunchApprovalEscalated: 'readers',
  ParticipantEnrolled: 'owner',
  MatchingProposalRequested: 'owner',
  MatchingProposalProduced: 'owner',
  MatchingProposalFailed: 'owner',
  MatchingPairDecided: 'owner',
  MatchingApproved: 'owner',
  TrainingSessionRecorded: 'owner',
  // The plan cites cases of earlier cycles and names trainers: the owner's, as its page is.
  TrainingPlanProposed: 'owner',
  TrainingPlanEdited: 'owner',
  MentorshipPlanned: 'owner',
  MentorshipStarted: 'owner',
  ReviewOpened: 'readers',
  ReviewReminderSent: 'readers',
  ReviewEscalated: 'readers',
  ReviewDecided: 'readers',
  LessonsRecorded: 'readers',
  // The continuing participants come with their goals and wishes.
  CycleRenewed: 'owner',
  CycleStarted: 'owner',
  RecognitionGranted: 'owner',
  PilotRecommendationsApplied: 'readers',
  RematchRequested: 'owner',
};

/** Whether the caller sees an event of this type; a type the table does not know is the owner's only. */
export function canSeeProgramEvent(actor: Actor, program: ProgramParties, type: string): boolean {
  const audience = (PROGRAM_EVENT_AUDIENCE as Record<string, 'readers' | 'owner' | undefined>)[type] ?? 'owner';
  return audience === 'readers' ? canReadProgram(actor, program) : canManageProgram(actor, program);
}
