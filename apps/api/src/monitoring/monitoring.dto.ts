import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CycleScopeResponse } from '../programs/dto/cycle.response.js';
import { EMPLOYEE_ID } from '../http/validation.js';

const RISK_REASONS = [
  'APPROVAL_OVERDUE',
  'KICKOFF_OVERDUE',
  'NO_RECENT_SESSION',
  'CHECKPOINT_OVERDUE',
  'REVIEW_OVERDUE',
  'CHECKPOINT_ESCALATED',
  'CHANGES_REQUESTED',
  'LOW_SATISFACTION',
];

export class CheckpointOutcomesResponse {
  @ApiProperty() approve!: number;
  @ApiProperty({ name: 'request-changes' }) 'request-changes'!: number;
  @ApiProperty() escalate!: number;
}

export class CompetencyProgressResponse {
  @ApiProperty({ example: 'delegation' }) competencyKey!: string;
  @ApiProperty({ description: 'Goals re-assessed so far.' }) goals!: number;
  @ApiProperty({ description: 'Mean level gained (latest − baseline).' }) meanGained!: number;
}

export class IndicatorsResponse {
  @ApiProperty() mentorships!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'How many mentorships are in each phase.',
    example: { ACTIVE: 12, KICKOFF: 2 },
  })
  byPhase!: Record<string, number>;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description:
      'Mean over the started mentorships of min(1, sessions logged ÷ sessions asked so far), sessions asked = max(1, ⌊time active, pauses excluded ÷ sessionEveryMs⌋); null before any started.',
  })
  engagement!: number | null;
  @ApiProperty({ type: CheckpointOutcomesResponse }) checkpointOutcomes!: CheckpointOutcomesResponse;
  @ApiProperty() remindersSent!: number;
  @ApiProperty({ description: 'Escalations so far, the follow-up ladder’s repeats included.' }) escalations!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean of the latest pulses (1–5).' })
  satisfaction!: number | null;
  @ApiProperty({ type: [CompetencyProgressResponse] }) competencyProgress!: CompetencyProgressResponse[];
}

export class RiskResponse {
  @ApiProperty({ enum: RISK_REASONS }) reason!: string;
  @ApiProperty({ example: 'goals not agreed for 9 days (escalated 2 times)' }) detail!: string;
  @ApiProperty({ format: 'date-time', description: 'When the situation began.' }) since!: string;
  @ApiProperty({ description: 'How long it has lasted, in milliseconds.' }) forMs!: number;
}

export class AtRiskResponse {
  @ApiProperty({ format: 'uuid' }) mentorshipId!: string;
  @ApiProperty() menteeId!: string;
  @ApiProperty() mentorId!: string;
  @ApiProperty({ type: [RiskResponse] }) reasons!: RiskResponse[];
}

export class MonitoringResponse extends CycleScopeResponse {
  @ApiProperty({ type: IndicatorsResponse }) indicators!: IndicatorsResponse;
  @ApiProperty({
    type: [AtRiskResponse],
    description: 'Mentorships at risk, most reasons first, then the longest-lasting; each reason with since when.',
  })
  atRisk!: AtRiskResponse[];
  @ApiProperty({ format: 'date-time', description: 'The moment the indicators were computed for.' }) at!: string;
}

export class RecognitionDto {
  @ApiProperty({ example: 'E0042' })
  @Matches(EMPLOYEE_ID, { message: 'mentorId must be an employee id' })
  mentorId!: string;
  @ApiProperty({ example: 'Three mentees, every one of them promoted within the year.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  note!: string;
}

export class MentorContributionResponse {
  @ApiProperty() mentorId!: string;
  @ApiProperty() mentorships!: number;
  @ApiProperty() closed!: number;
  @ApiProperty({ description: 'Hours of logged sessions.' }) hours!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean level gained by their mentees on their goals.' })
  menteeProgress!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean of their mentees’ latest pulses (1–5).' })
  feedback!: number | null;
}

export class HighlightResponse {
  @ApiProperty() en!: string;
  @ApiProperty() fr!: string;
}

export class RecognitionGrantResponse {
  @ApiProperty() mentorId!: string;
  @ApiProperty() note!: string;
  @ApiProperty() grantedBy!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() cycle!: number;
}

@ApiExtraModels(HighlightResponse)
export class RecognitionResponse extends CycleScopeResponse {
  @ApiProperty({
    type: [MentorContributionResponse],
    description: 'Each mentor’s contribution this cycle, most hours first.',
  })
  contributions!: MentorContributionResponse[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(HighlightResponse) },
    description: 'Highlight texts for internal communication, per mentor id, in English and French.',
  })
  highlights!: Record<string, HighlightResponse>;
  @ApiProperty({ type: [RecognitionGrantResponse], description: 'Recognition granted by the owner in this cycle.' })
  granted!: RecognitionGrantResponse[];
}
