import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import { SYSTEM_ACTOR } from '../shared/system-actor.js';
import type { ProgramEvent, ReviewEvent } from './program-events.js';
import type { ProgramState, ReviewState } from './program-state.js';
import type { ReviewCadence, ReviewDecisionInput } from './program-values.js';

const reviews = (s: ProgramState): ReviewState[] => s.reviews ?? [];
export const openReview = (s: ProgramState): ReviewState | undefined => reviews(s).find((r) => r.decision === null);

/** The reviews' clock: what time asks for now and when to look again (Infinity: nothing until a person acts). */
export function reviewsDue(
  s: ProgramState,
  cadence: ReviewCadence,
  now: number,
): { events: ProgramEvent[]; wakeAt: number } {
  if (s.phase !== 'EXECUTION' || !s.executionSince) return { events: [], wakeAt: Infinity };
  const at = new Date(now).toISOString();
  const open = openReview(s);
  if (open) {
    const opened = Date.parse(open.openedAt);
    const remindAt = opened + cadence.reviewDecisionMs;
    const escalateAt = opened + 2 * cadence.reviewDecisionMs;
    if (!open.remindedAt) {
      if (now >= remindAt)
        return {
          events: [
            {
              type: 'ReviewReminderSent',
              at,
              actorId: SYSTEM_ACTOR,
              data: { review: open.review, ownerId: s.ownerId },
            },
          ],
          wakeAt: now,
        };
      return { events: [], wakeAt: remindAt };
    }
    if (!open.escalatedAt) {
      if (now >= escalateAt)
        return {
          events: [
            {
              type: 'ReviewEscalated',
              at,
              actorId: SYSTEM_ACTOR,
              data: { review: open.review, sponsorId: s.sponsorId },
            },
          ],
          wakeAt: now,
        };
      return { events: [], wakeAt: escalateAt };
    }
    // The ladder: still undecided, the sponsor (and the owner) are told again every followUpRepeatMs.
    if (cadence.followUpRepeatMs === undefined) return { events: [], wakeAt: Infinity };
    const repeatAt = Date.parse(open.lastEscalatedAt ?? open.escalatedAt) + cadence.followUpRepeatMs;
    if (now < repeatAt) return { events: [], wakeAt: repeatAt };
    const round = (open.escalations ?? 1) + 1;
    return {
      events: [
        {
          type: 'ReviewEscalated',
          at,
          actorId: SYSTEM_ACTOR,
          data: { review: open.review, sponsorId: s.sponsorId, round },
        },
      ],
      wakeAt: now,
    };
  }
  const next = reviews(s).length + 1;
  const opensAt = Date.parse(s.executionSince) + next * cadence.reviewEveryMs;
  if (now >= opensAt)
    return { events: [{ type: 'ReviewOpened', at, actorId: SYSTEM_ACTOR, data: { review: next } }], wakeAt: now };
  return { events: [], wakeAt: opensAt };
}

export function assertCanDecideReview(s: ProgramState, actor: Actor, review: number): void {
  if (actor.personId !== s.ownerId || !hasRole(actor, 'owner')) {
    throw new DomainError(
      'PROGRAM.NOT_OWNER',
      'FORBIDDEN',
      `only the program's owner decides its re-alignment reviews; ${actor.personId} is not its owner`,
    );
  }
  const open = openReview(s);
  if (!open || open.review !== review) {
    throw new DomainError(
      'PROGRAM.NO_OPEN_REVIEW',
      'CONFLICT',
      open ? `review ${open.review} is the open one, not ${review}` : 'no re-alignment review is open',
      { open: open?.review ?? null },
    );
  }
}

/** Keep the course, or adjust objectives and KPIs for the rest of the cycle; either way with notes. */
export function decideReview(
  s: ProgramState,
  actor: Actor,
  review: number,
  input: ReviewDecisionInput,
  now: Date,
): ProgramEvent[] {
  assertCanDecideReview(s, actor, review);
  const invalid = (field: string, reason: string) =>
    new DomainError('PROGRAM.INVALID', 'INVALID', `${field}: ${reason}`, { field, reason });
  if (input.notes.trim().length < 3) throw invalid('notes', 'say what the review found');
  if (input.decision === 'adjust' && (!input.objectives || input.objectives.length === 0))
    throw invalid('objectives', 'an adjustment gives the objectives from now on');
  if (input.decision === 'keep' && input.objectives)
    throw invalid('objectives', 'keeping the course changes no objective');
  input.objectives?.forEach((o, i) => {
    if (o.kpis.length === 0) throw invalid(`objectives.${i}.kpis`, 'each objective needs at least one KPI');
  });
  return [
    {
      type: 'ReviewDecided',
      at: now.toISOString(),
      actorId: actor.personId,
      data: {
        review,
        decision: input.decision,
        notes: input.notes.trim(),
        objectives: input.decision === 'adjust' ? (input.objectives ?? null) : null,
      },
    },
  ];
}

export function evolveReviews(s: ProgramState, event: ReviewEvent): ProgramState {
  const list = reviews(s);
  switch (event.type) {
    case 'ReviewOpened':
      return {
        ...s,
        reviews: [
          ...list,
          {
            review: event.data.review,
            openedAt: event.at,
            remindedAt: null,
            escalatedAt: null,
            decision: null,
            notes: null,
            decidedBy: null,
            decidedAt: null,
          },
        ],
      };
    case 'ReviewReminderSent':
      return { ...s, reviews: list.map((r) => (r.review === event.data.review ? { ...r, remindedAt: event.at } : r)) };
    case 'ReviewEscalated':
      return {
        ...s,
        reviews: list.map((r) =>
          r.review === event.data.review
            ? {
                ...r,
                escalatedAt: r.escalatedAt ?? event.at,
                lastEscalatedAt: event.at,
                escalations: (r.escalations ?? (r.escalatedAt ? 1 : 0)) + 1,
              }
            : r,
        ),
      };
    case 'ReviewDecided':
      return {
        ...s,
        objectives: event.data.objectives ?? s.objectives,
        reviews: list.map((r) =>
          r.review === event.data.review
            ? {
                ...r,
                decision: event.data.decision,
                notes: event.data.notes,
                decidedBy: event.actorId,
                decidedAt: event.at,
              }
            : r,
        ),
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
