import { hasRole, type Actor } from '../shared/actor.js';
import type { EffectEstimate } from './effect-estimate.js';

/** Aggregates about fewer people than this are not shown to sponsors: a figure about 3 people is about persons. */
export const MIN_AGGREGATE_PEOPLE = 5;

/** Who sees individual comparisons (a mentee's own change, the managers they were compared with). */
export const canSeeIndividualComparisons = (viewer: Actor, programOwnerId: string): boolean =>
  hasRole(viewer, 'hr-admin') || (hasRole(viewer, 'owner') && viewer.personId === programOwnerId);

export type EffectView =
  | (EffectEstimate & { visibility: 'individual' | 'aggregate' })
  | { visibility: 'withheld'; measure: string; reason: string; minimumPeople: number };

/**
 * The estimate as a viewer may see it: HR admins and the program's owner everything; anyone else
 * (the sponsor, the steering group) the aggregates without the mentee-by-mentee table, and nothing
 * at all when fewer than MIN_AGGREGATE_PEOPLE mentees or comparison managers are behind a figure.
 */
export function effectForViewer(estimate: EffectEstimate, viewer: Actor, programOwnerId: string): EffectView {
  if (canSeeIndividualComparisons(viewer, programOwnerId)) return { ...estimate, visibility: 'individual' };
  const { matchedMentees, comparisonManagers, measuredSets } = estimate.sample;
  const smallest = Math.min(matchedMentees, comparisonManagers, measuredSets);
  if (smallest < MIN_AGGREGATE_PEOPLE)
    return {
      visibility: 'withheld',
      measure: estimate.measure,
      reason: `fewer than ${MIN_AGGREGATE_PEOPLE} people on one side of the comparison: figures this small would describe individuals`,
      minimumPeople: MIN_AGGREGATE_PEOPLE,
    };
  return { ...estimate, individual: [], visibility: 'aggregate' };
}
