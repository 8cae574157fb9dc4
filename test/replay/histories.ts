import { join } from 'node:path';

const dir = join(process.cwd(), 'test', 'histories');

/** Recorded histories replayed on every run; see program-workflow.record.ts to re-record. */
export const HISTORY_FILES = {
  programApprovedAfterReminder: join(dir, 'program-v0-approved-after-reminder.json'),
  programMatchedToTraining: join(dir, 'program-v1-matched-to-training.json'),
  programTrainingExecutionReviews: join(dir, 'program-v2-training-execution-reviews.json'),
  mentorshipClosedWithRoi: join(dir, 'mentorship-v0-closed-with-roi.json'),
  mentorshipRemindedThenTerminated: join(dir, 'mentorship-v0-reminded-then-terminated.json'),
};
