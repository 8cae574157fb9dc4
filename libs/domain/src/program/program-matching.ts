import type { PairDecision } from '../matching/candidates.js';
import { hasRole, type Actor } from '../shared/actor.js';
import { DomainError } from '../shared/domain-error.js';
import type { MatchingEvent, ProgramEvent } from './program-events.js';
import { emptyMatchingState, type MatchingState, type ProgramState } from './program-state.js';
import type { MatchingRequest, Participant } from './program-values.js';

const wrongPhase = (state: ProgramState) =>
  new DomainError(
    'PROGRAM.WRONG_PHASE',
    'WRONG_PHASE',
    `the program is in phase ${state.phase}; this needs phase SELECTION_MATCHING`,
    {
      expected: 'SELECTION_MATCHING',
      actual: state.phase,
    },
  );
const notOwner = (actor: Actor) =>
  new DomainError(
    'PROGRAM.NOT_OWNER',
    'FORBIDDEN',
    `only the program's owner may do this; ${actor.personId} is not its owner`,
  );
const invalid = (field: string, reason: string) =>
  new DomainError('PROGRAM.INVALID', 'INVALID', `${field}: ${reason}`, { field, reason });

const isOwner = (state: ProgramState, actor: Actor) => actor.personId === state.ownerId && hasRole(actor, 'owner');
const matching = (state: ProgramState): MatchingState => state.matching ?? emptyMatchingState();

function assertOwnerInSelection(state: ProgramState, actor: Actor): void {
  if (!isOwner(state, actor)) throw notOwner(actor);
  if (state.phase !== 'SELECTION_MATCHING') throw wrongPhase(state);
}

export function assertCanEnrol(state: ProgramState, actor: Actor, p: Participant): void {
  assertOwnerInSelection(state, actor);
  const m = matching(state);
  if (m.participants.some((x) => x.personId === p.personId && x.role === p.role)) {
    throw new DomainError('PROGRAM.ALREADY_ENROLLED', 'CONFLICT', `${p.personId} is already enrolled as ${p.role}`);
  }
  if (p.role === 'mentee' && m.participants.some((x) => x.personId === p.personId && x.role === 'mentor'))
    throw invalid('role', `${p.personId} is a mentor of this cycle`);
  if (p.role === 'mentor' && m.participants.some((x) => x.personId === p.personId && x.role === 'mentee'))
    throw invalid('role', `${p.personId} is a mentee of this cycle`);
  if (p.role === 'mentor' && (p.capacity === null || !Number.isInteger(p.capacity) || p.capacity < 1))
    throw invalid('capacity', 'a mentor takes at least one mentee');
  if (p.personId === state.ownerId && p.role !== 'supervisor')
    throw invalid('personId', "the program's owner cannot be a mentor or a mentee of it");
}

export function enrol(state: ProgramState, actor: Actor, p: Participant, now: Date): ProgramEvent[] {
  assertCanEnrol(state, actor, p);
  return [{ type: 'ParticipantEnrolled', at: now.toISOString(), actorId: actor.personId, data: { ...p } }];
}

export function assertCanRequestProposal(state: ProgramState, actor: Actor): void {
  assertOwnerInSelection(state, actor);
  const m = matching(state);
  if (!m.participants.some((p) => p.role === 'mentee') || !m.participants.some((p) => p.role === 'mentor')) {
    throw new DomainError(
      'PROGRAM.NOTHING_TO_MATCH',
      'CONFLICT',
      'enrol at least one mentee and one mentor before asking for a proposal',
    );
  }
  if (m.proposals.some((p) => p.status === 'SOLVING'))
    throw new DomainError('PROGRAM.PROPOSAL_IN_PROGRESS', 'CONFLICT', 'a proposal is being computed; wait for it');
}

export function requestProposal(
  state: ProgramState,
  actor: Actor,
  options: Omit<MatchingRequest, 'pins' | 'bans'>,
  now: Date,
): ProgramEvent[] {
  assertCanRequestProposal(state, actor);
  const m = matching(state);
  const version = (m.versionOffset ?? 0) + m.proposals.length + 1;
  // The program's default weights, then the request's own.
  const weights = { ...(state.policy?.matchingWeights ?? {}), ...options.weights };
  return [
    {
      type: 'MatchingProposalRequested',
      at: now.toISOString(),
      actorId: actor.personId,
      data: { version, request: { ...options, weights, pins: m.pins, bans: m.bans } },
    },
  ];
}

const canReview = (state: ProgramState, actor: Actor) =>
  isOwner(state, actor) ||
  (hasRole(actor, 'supervisor') &&
    matching(state).participants.some((p) => p.personId === actor.personId && p.role === 'supervisor'));

export function assertCanDecidePair(state: ProgramState, actor: Actor, menteeId: string, mentorId: string): void {
  if (!canReview(state, actor)) {
    throw new DomainError(
      'PROGRAM.NOT_REVIEWER',
      'FORBIDDEN',
      "only the program's owner and its enrolled supervisors review matching proposals",
    );
  }
  if (state.phase !== 'SELECTION_MATCHING') throw wrongPhase(state);
  const m = matching(state);
  if (!m.participants.some((p) => p.personId === menteeId && p.role === 'mentee'))
    throw invalid('menteeId', `${menteeId} is not an enrolled mentee`);
  if (!m.participants.some((p) => p.personId === mentorId && p.role === 'mentor'))
    throw invalid('mentorId', `${mentorId} is not an enrolled mentor`);
}

export function decidePair(
  state: ProgramState,
  actor: Actor,
  decision: 'pin' | 'ban',
  menteeId: string,
  mentorId: string,
  reason: string,
  now: Date,
): ProgramEvent[] {
  assertCanDecidePair(state, actor, menteeId, mentorId);
  return [
    {
      type: 'MatchingPairDecided',
      at: now.toISOString(),
      actorId: actor.personId,
      data: { decision, menteeId, mentorId, reason },
    },
  ];
}

export function assertCanApproveProposal(state: ProgramState, actor: Actor, version: number): void {
  assertOwnerInSelection(state, actor);
  const proposal = matching(state).proposals.find((p) => p.version === version);
  if (!proposal)
    throw new DomainError('PROGRAM.NO_SUCH_PROPOSAL', 'NOT_FOUND', `no matching proposal version ${version}`);
  if (proposal.status !== 'READY')
    throw new DomainError('PROGRAM.PROPOSAL_NOT_READY', 'CONFLICT', `proposal ${version} is ${proposal.status}`);
  if (proposal.summary!.matched === 0)
    throw new DomainError('PROGRAM.EMPTY_PROPOSAL', 'CONFLICT', `proposal ${version} matches nobody`);
}

/** The owner approves one version: its pairs become the cycle's mentorships and training begins. */
export function approveProposal(state: ProgramState, actor: Actor, version: number, now: Date): ProgramEvent[] {
  assertCanApproveProposal(state, actor, version);
  const summary = matching(state).proposals.find((p) => p.version === version)!.summary!;
  const at = now.toISOString();
  return [
    { type: 'MatchingApproved', at, actorId: actor.personId, data: { version, pairs: summary.pairs } },
    {
      type: 'ProgramPhaseChanged',
      at,
      actorId: actor.personId,
      data: { from: state.phase, to: 'TRAINING', reason: `matching proposal ${version} approved` },
    },
  ];
}

/** Applies a matching event to the matching part of the state. */
export function evolveMatching(m: MatchingState, event: MatchingEvent): MatchingState {
  switch (event.type) {
    case 'ParticipantEnrolled':
      return { ...m, participants: [...m.participants, event.data] };
    case 'MatchingProposalRequested':
      return {
        ...m,
        proposals: [
          ...m.proposals,
          {
            version: event.data.version,
            status: 'SOLVING',
            requestedBy: event.actorId,
            request: event.data.request,
            summary: null,
            failure: null,
          },
        ],
      };
    case 'MatchingProposalProduced':
      return {
        ...m,
        proposals: m.proposals.map((p) =>
          p.version === event.data.version ? { ...p, status: 'READY', summary: event.data } : p,
        ),
      };
    case 'MatchingProposalFailed':
      return {
        ...m,
        proposals: m.proposals.map((p) =>
          p.version === event.data.version
            ? { ...p, status: 'FAILED', failure: `${event.data.code}: ${event.data.message}` }
            : p,
        ),
      };
    case 'MatchingPairDecided': {
      const decision = {
        menteeId: event.data.menteeId,
        mentorId: event.data.mentorId,
        by: event.actorId,
        reason: event.data.reason,
      };
      const other = (list: PairDecision[]) =>
        list.filter((d) => !(d.menteeId === decision.menteeId && d.mentorId === decision.mentorId));
      // A pin replaces the mentee's earlier pin and lifts a ban on the same pair; a ban lifts a pin on it.
      return event.data.decision === 'pin'
        ? { ...m, pins: [...m.pins.filter((d) => d.menteeId !== decision.menteeId), decision], bans: other(m.bans) }
        : { ...m, bans: [...other(m.bans), decision], pins: other(m.pins) };
    }
    case 'MatchingApproved':
      return { ...m, approvedVersion: event.data.version };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
