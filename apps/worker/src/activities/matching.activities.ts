import type { DataSource } from 'typeorm';
import {
  currentLevels,
  cycleCandidates,
  DEFAULT_MATCHING_OPTIONS,
  DEFAULT_MODEL_KEY,
  isDomainError,
  ReportingChains,
  solveMatching,
  type ProposalSummary,
} from '../../../../libs/domain/src/index.js';
import type { SolveProposalFailure, SolveProposalInput } from '../../../../libs/contracts/src/index.js';
import {
  AssessmentEntity,
  CompetencyModelEntity,
  loadDirectory,
  toAssessment,
  toCompetencyModel,
} from '../../../../libs/persistence/src/index.js';

/** UTC offset of an IANA zone at `at`, in minutes (e.g. Europe/Paris in winter → 60). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * Loads a cycle's candidates, solves and stores the explained result. Storing is an upsert keyed
 * by (program, version), and the solver is deterministic, so a retried attempt writes the same row.
 */
export async function solveProposal(
  db: DataSource,
  input: SolveProposalInput,
  now: Date,
): Promise<ProposalSummary | SolveProposalFailure> {
  const people = await loadDirectory(db);
  const model = await db
    .getRepository(CompetencyModelEntity)
    .findOne({ where: { key: DEFAULT_MODEL_KEY }, order: { version: 'DESC' } });
  if (!model) throw new Error(`competency model ${DEFAULT_MODEL_KEY} is missing`);
  const ids = input.participants.map((p) => p.personId);
  const assessments =
    ids.length === 0
      ? []
      : await db
          .getRepository(AssessmentEntity)
          .createQueryBuilder('a')
          .where('a.person_id IN (:...ids)', { ids })
          .getMany();
  const levels = currentLevels(assessments.map(toAssessment));
  const offsets = new Map<string, number>();
  const { mentees, mentors, missing } = cycleCandidates(input.participants, {
    people,
    levels,
    model: toCompetencyModel(model),
    utcOffset: (zone) => {
      if (!offsets.has(zone)) offsets.set(zone, utcOffsetMinutes(zone, now));
      return offsets.get(zone)!;
    },
    trainedMentors: new Set(),
    trackRecords: new Map(),
  });
  if (missing.length > 0)
    return { failed: true, code: 'MATCHING.UNKNOWN_PEOPLE', message: `not in the directory: ${missing.join(', ')}` };
  const { weights, ...rest } = input.request;
  let result;
  try {
    result = solveMatching(
      mentees,
      mentors,
      {
        ...DEFAULT_MATCHING_OPTIONS,
        ...rest,
        weights: { ...DEFAULT_MATCHING_OPTIONS.weights, ...weights },
        exclusions: [],
      },
      new ReportingChains(people.values()),
    );
  } catch (e) {
    if (isDomainError(e)) return { failed: true, code: e.code, message: e.message };
    throw e;
  }
  await db.query(`UPDATE matching_proposals SET result = $3 WHERE program_id = $1 AND version = $2`, [
    input.programId,
    input.version,
    JSON.stringify(result),
  ]);
  return {
    version: input.version,
    matched: result.pairs.length,
    unmatched: result.unmatched.length,
    totalScore: result.totalScore,
    worstScore: result.worstScore,
    pairs: result.pairs.map((p) => ({ menteeId: p.menteeId, mentorId: p.mentorId })),
  };
}
