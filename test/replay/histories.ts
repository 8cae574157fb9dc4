import { join } from 'node:path';

const dir = join(process.cwd(), 'test', 'histories');

/**
 * What `npm run record-histories` writes now (program-workflow.record.ts, mentorship-workflow.record.ts):
 * the current version of each reference scenario. Bump the version in these names when a change
 * adds behaviour, and move the previous names to EARLIER_HISTORY_FILES.
 */
export const HISTORY_FILES = {
  programApprovedAfterReminder: join(dir, 'program-v5-approved-after-reminder.json'),
  programMatchedToTraining: join(dir, 'program-v5-matched-to-training.json'),
  programTrainingExecutionReviews: join(dir, 'program-v5-training-execution-reviews.json'),
  mentorshipClosedWithRoi: join(dir, 'mentorship-v3-closed-with-roi.json'),
  mentorshipRemindedThenTerminated: join(dir, 'mentorship-v3-reminded-then-terminated.json'),
  mentorshipCaughtUpWithTheLog: join(dir, 'mentorship-v3-caught-up-with-the-log.json'),
};

/** Histories of released versions before the current one: never re-recorded, replayed forever. */
export const EARLIER_HISTORY_FILES = {
  programV0ApprovedAfterReminder: join(dir, 'program-v0-approved-after-reminder.json'),
  programV1MatchedToTraining: join(dir, 'program-v1-matched-to-training.json'),
  // v0–v2 appended events through remote activities; v3 through local ones.
  programV2TrainingExecutionReviews: join(dir, 'program-v2-training-execution-reviews.json'),
  mentorshipV0ClosedWithRoi: join(dir, 'mentorship-v0-closed-with-roi.json'),
  mentorshipV0RemindedThenTerminated: join(dir, 'mentorship-v0-reminded-then-terminated.json'),
  // v3 / v1 appended with a key per activity position; v4 / v2 by stream version, catching up.
  programV3ApprovedAfterReminder: join(dir, 'program-v3-approved-after-reminder.json'),
  programV3MatchedToTraining: join(dir, 'program-v3-matched-to-training.json'),
  programV3TrainingExecutionReviews: join(dir, 'program-v3-training-execution-reviews.json'),
  mentorshipV1ClosedWithRoi: join(dir, 'mentorship-v1-closed-with-roi.json'),
  mentorshipV1RemindedThenTerminated: join(dir, 'mentorship-v1-reminded-then-terminated.json'),
  // v5: the training plan (proposed, edited, a session recorded against it); mentorship v3: case consent at kickoff.
  programV4ApprovedAfterReminder: join(dir, 'program-v4-approved-after-reminder.json'),
  programV4MatchedToTraining: join(dir, 'program-v4-matched-to-training.json'),
  programV4TrainingExecutionReviews: join(dir, 'program-v4-training-execution-reviews.json'),
  mentorshipV2ClosedWithRoi: join(dir, 'mentorship-v2-closed-with-roi.json'),
  mentorshipV2RemindedThenTerminated: join(dir, 'mentorship-v2-reminded-then-terminated.json'),
  mentorshipV2CaughtUpWithTheLog: join(dir, 'mentorship-v2-caught-up-with-the-log.json'),
};

export const ALL_HISTORY_FILES = { ...EARLIER_HISTORY_FILES, ...HISTORY_FILES };
