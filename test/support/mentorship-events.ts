import type { MentorshipEvent } from '../../libs/domain/src/index.js';

export const pair = {
  mentorshipId: '00000000-0000-4000-8000-00000000aa01',
  programId: '00000000-0000-4000-8000-00000000bb01',
  menteeId: 'zoe',
  mentorId: 'eloise',
  supervisorId: 'paul',
  ownerId: 'claire',
};
export const at = (day: number) => new Date(Date.UTC(2027, 0, day)).toISOString();
const goals = [{ competencyKey: 'delegation', targetLevel: 3 }];
const survey = (scores: Record<string, number>) => ({
  scores: { challenge: 3, guidedExperience: 3, trust: 3, practiceChange: 3, ...scores },
  comment: null,
});

/** A mentorship from its creation to the mentor's midterm review: two pulses, a decided and an open checkpoint. */
export const mentorshipMidterm: MentorshipEvent[] = [
  { type: 'MentorshipCreated', at: at(1), actorId: 'claire', data: pair },
  { type: 'MentorshipPhaseChanged', at: at(2), actorId: 'paul', data: { from: null, to: 'KICKOFF', reason: 'ok' } },
  {
    type: 'KickoffAgreed',
    at: at(3),
    actorId: 'eloise',
    data: { by: 'mentor', goals, baselines: { delegation: 2 }, facts: [] },
  },
  { type: 'KickoffAgreed', at: at(4), actorId: 'zoe', data: { by: 'mentee', goals, baselines: {}, facts: [] } },
  { type: 'MentorshipPhaseChanged', at: at(4), actorId: 'zoe', data: { from: 'KICKOFF', to: 'ACTIVE', reason: 'ok' } },
  {
    type: 'SessionLogged',
    at: at(6),
    actorId: 'eloise',
    data: {
      sessionId: 's-1',
      heldAt: at(5),
      minutes: 45,
      topics: [],
      competencies: [],
      sharedNotes: null,
      privateNotes: null,
    },
  },
  { type: 'PulseSubmitted', at: at(7), actorId: 'zoe', data: { survey: survey({ trust: 5, practiceChange: 1 }) } },
  { type: 'PulseSubmitted', at: at(8), actorId: 'zoe', data: { survey: survey({ challenge: 4, trust: 5 }) } },
  { type: 'CheckpointOpened', at: at(9), actorId: 'system', data: { checkpoint: 1, decideBy: at(12) } },
  {
    type: 'CheckpointDecided',
    at: at(10),
    actorId: 'paul',
    data: { checkpoint: 1, decision: 'request-changes', guidance: 'more cases' },
  },
  { type: 'CheckpointOpened', at: at(11), actorId: 'system', data: { checkpoint: 2, decideBy: at(14) } },
  {
    type: 'MentorshipPhaseChanged',
    at: at(12),
    actorId: 'system',
    data: { from: 'ACTIVE', to: 'MIDTERM_REVIEW', reason: 'midterm' },
  },
  {
    type: 'ReviewSubmitted',
    at: at(13),
    actorId: 'eloise',
    data: { stage: 'midterm', by: 'mentor', survey: survey({}), levels: { delegation: 3 }, factsAfter: {} },
  },
];
