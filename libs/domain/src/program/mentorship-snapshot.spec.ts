import { describe, expect, it } from '@jest/globals';
import { at, mentorshipMidterm as events, pair } from '../../../../test/support/mentorship-events.js';
import { foldMentorship } from '../mentorship/mentorship.js';
import { snapshotOfMentorship } from './mentorship-snapshot.js';

describe('a mentorship as the program sees it', () => {
  it('takes every fact from the mentorship state: dates, sessions, decisions, latest pulse, goal levels', () => {
    expect(snapshotOfMentorship(foldMentorship(events)!, { sessionEveryMs: 14 * 86_400_000 })).toEqual({
      mentorshipId: pair.mentorshipId,
      menteeId: 'zoe',
      mentorId: 'eloise',
      supervisorId: 'paul',
      phase: 'MIDTERM_REVIEW',
      phaseSince: at(12),
      activeSince: at(4),
      pausedTotalMs: 0,
      pausedAt: null,
      // The cadence counts from the last session: due 14 days after it.
      nextSessionDueAt: at(19),
      openCheckpoint: { checkpoint: 2, openedAt: at(11) },
      reviewMissing: ['mentee'],
      sessions: 1,
      sessionMinutes: 45,
      lastSessionAt: at(5),
      remindersSent: 0,
      escalations: 0,
      // Decided checkpoints only, oldest first; the open one is not a decision yet.
      checkpointDecisions: ['request-changes'],
      // The latest pulse: (4 + 3 + 5 + 3) / 4.
      latestPulseMean: 3.75,
      roi: null,
      goals: [{ competencyKey: 'delegation', target: 3, baseline: 2, latest: 3 }],
    });
  });

  it('has no pulse, baseline or re-assessed level before they are given', () => {
    const early = snapshotOfMentorship(foldMentorship(events.slice(0, 2))!);
    expect(early).toMatchObject({ phase: 'KICKOFF', activeSince: null, latestPulseMean: null, goals: [] });
  });
});
