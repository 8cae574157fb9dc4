import { ApiProperty } from '@nestjs/swagger';

// What the case library and the training plan routes answer (libs/domain/src/cases).

export class CaseCompetencyResponse {
  @ApiProperty({ example: 'delegation' }) key!: string;
  @ApiProperty({
    enum: ['declared', 'text'],
    description: 'declared: a goal, a session’s or the pilot’s competency; text: found by free-text tagging.',
  })
  by!: 'declared' | 'text';
}

export class TrainingCaseResponse {
  @ApiProperty({ example: 'case-1a2b3c4d', description: 'A hash: it carries no mentorship id or pilot reference.' })
  caseId!: string;
  @ApiProperty({ enum: ['mentorship', 'pilot'] }) source!: 'mentorship' | 'pilot';
  @ApiProperty({ type: Number, nullable: true, description: 'The program cycle; null for the pilot.' })
  cycle!: number | null;
  @ApiProperty({ type: [CaseCompetencyResponse] }) competencies!: CaseCompetencyResponse[];
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiProperty({ type: [String], description: 'Session topics and shared notes, de-identified.' })
  situation!: string[];
  @ApiProperty({ type: [String], description: 'The supervisor’s guidance at checkpoints, de-identified.' })
  guidance!: string[];
  @ApiProperty({ type: [String], description: 'What changed in practice (final review comments), de-identified.' })
  change!: string[];
  @ApiProperty({ type: [String], description: 'The pilot’s anecdotes, de-identified.' }) anecdotes!: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Mean levels gained on the goal competencies.' })
  levelsGained!: number | null;
}

export class CaseLibraryResponse {
  @ApiProperty({ description: 'The program’s running cycle: cases come from the cycles before it and its pilot.' })
  cycle!: number;
  @ApiProperty({ description: 'Whether free-text tagging may file cases (its held-out precision reached 0.9).' })
  fileByText!: boolean;
  @ApiProperty({ type: [TrainingCaseResponse] }) cases!: TrainingCaseResponse[];
}

export class EligibleTrainerResponse {
  @ApiProperty() personId!: string;
  @ApiProperty({ enum: ['supervisor', 'mentor'] }) reason!: 'supervisor' | 'mentor';
  @ApiProperty({ description: 'Closed mentorships as a mentor (programs and pilots).' }) closedMentorships!: number;
}

export class TrainingPlanItemResponse {
  @ApiProperty({ example: 'delegation' }) competencyKey!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['mentors', 'mentees'] }) audience!: 'mentors' | 'mentees';
  @ApiProperty({ description: 'Mentees of the cycle who target the competency.' }) menteesTargeting!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Their mean gap (target − level), where known.' })
  meanGap!: number | null;
  @ApiProperty({ type: [String], description: 'Enrolled mentors whose level covers the competency.' })
  mentorsAbleToCover!: string[];
  @ApiProperty({ type: [String] }) trainerIds!: string[];
  @ApiProperty({ type: [String] }) caseIds!: string[];
}

export class TrainingPlanResponse {
  @ApiProperty() cycle!: number;
  @ApiProperty({ description: 'Closed mentorships a mentor needed to count as an experienced trainer.' })
  minClosedMentorships!: number;
  @ApiProperty({ type: [EligibleTrainerResponse] }) eligibleTrainers!: EligibleTrainerResponse[];
  @ApiProperty({ type: [TrainingPlanItemResponse] }) items!: TrainingPlanItemResponse[];
  @ApiProperty({ type: [TrainingCaseResponse], description: 'The cases the plan cites or may cite.' })
  cases!: TrainingCaseResponse[];
}

export class TrainingPlanStateResponse {
  @ApiProperty({ type: TrainingPlanResponse, description: 'The plan as proposed.' }) plan!: TrainingPlanResponse;
  @ApiProperty() proposedBy!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ type: [TrainingPlanItemResponse], description: 'The items as the owner last edited them.' })
  items!: TrainingPlanItemResponse[];
  @ApiProperty() edits!: number;
}
