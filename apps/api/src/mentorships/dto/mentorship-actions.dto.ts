import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SaneInstant, SaneNumber, SaneNumberRecord } from '../../http/bounds.js';
import { EMPLOYEE_ID } from '../../http/validation.js';

const COMPETENCY_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class StartMentorshipDto {
  @ApiProperty({ example: 'E1042', description: 'A mentee of the approved matching proposal; the pair comes from it.' })
  @Matches(EMPLOYEE_ID, { message: 'menteeId must be an employee id' })
  menteeId!: string;
  @ApiProperty({ example: 'E0007', description: 'A senior mentor enrolled as supervisor in the program.' })
  @Matches(EMPLOYEE_ID, { message: 'supervisorId must be an employee id' })
  supervisorId!: string;
}

export class GoalDto {
  @ApiProperty({ example: 'delegation' })
  @Matches(COMPETENCY_KEY, { message: 'competencyKey must be a competency key' })
  competencyKey!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) targetLevel!: number;
}

export class BaselineFactDto {
  @ApiProperty({ example: 'Team turnover (12 months)' }) @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiProperty({ example: 'percentage point' }) @IsString() @MinLength(1) @MaxLength(40) unit!: string;
  @ApiProperty({ example: 'HR report Q1' }) @IsString() @MinLength(1) @MaxLength(200) source!: string;
  @ApiProperty({ example: 18, description: 'At most 10¹² either way.' }) @SaneNumber() value!: number;
  @ApiProperty({ description: 'true when a lower value is an improvement (turnover, absence).' })
  @IsBoolean()
  lowerIsBetter!: boolean;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Money one unit of improvement is worth, if agreed; omitted = not monetised.',
  })
  @IsOptional()
  @SaneNumber({ min: 0, max: 1e9 })
  valuePerUnit?: number | null;
}

export class KickoffDto {
  @ApiProperty({
    type: [GoalDto],
    description: 'One to three goal competencies with target levels; mentor and mentee must send the same.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => GoalDto)
  goals!: GoalDto[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { delegation: 2 },
    description: 'Mentor: the mentee’s level today (1–5) on each goal.',
  })
  @IsOptional()
  @IsObject()
  baselines?: Record<string, number>;
  @ApiPropertyOptional({
    type: [BaselineFactDto],
    description: 'Mentor: operational facts measured before, each with its source.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => BaselineFactDto)
  facts?: BaselineFactDto[];
  @ApiPropertyOptional({
    enum: ['granted', 'refused'],
    description:
      'Your answer, asked of each party at kickoff: may your writing in this mentorship (shared session notes, review comments) feed de-identified training cases for later cycles? Names are removed and private notes are never used. Absent = not given: nothing is used until you grant it (here or with PUT /people/{id}/case-consent); an earlier answer on record stands.',
  })
  @IsOptional()
  @IsIn(['granted', 'refused'])
  caseConsent?: 'granted' | 'refused';
}

export class LogSessionDto {
  @ApiProperty({ example: '2027-03-01T09:00:00.000Z', description: 'When it was held: from 2000 to now.' })
  @SaneInstant()
  heldAt!: string;
  @ApiProperty({ minimum: 5, maximum: 480 }) @IsInt() @Min(5) @Max(480) minutes!: number;
  @ApiProperty({ type: [String], example: ['delegating the weekly report'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  topics!: string[];
  @ApiProperty({ type: [String], example: ['delegation'], description: 'Goal competencies worked on.' })
  @IsArray()
  @ArrayMaxSize(3)
  @Matches(COMPETENCY_KEY, { each: true, message: 'each competency must be a competency key' })
  competencies!: string[];
  @ApiPropertyOptional({ description: 'Seen by the mentee, the supervisor and the owner.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  sharedNotes?: string;
  @ApiPropertyOptional({ description: 'Seen by the mentor (its author) only.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  privateNotes?: string;
}

export class SurveyScoresDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'My ideas were challenged.' })
  @IsInt()
  @Min(1)
  @Max(5)
  challenge!: number;
  @ApiProperty({ minimum: 1, maximum: 5, description: 'I was guided by the mentor’s experience.' })
  @IsInt()
  @Min(1)
  @Max(5)
  guidedExperience!: number;
  @ApiProperty({ minimum: 1, maximum: 5, description: 'I could speak in confidence.' })
  @IsInt()
  @Min(1)
  @Max(5)
  trust!: number;
  @ApiProperty({ minimum: 1, maximum: 5, description: 'My management practice changed in a way others can see.' })
  @IsInt()
  @Min(1)
  @Max(5)
  practiceChange!: number;
}

export class SurveyDto {
  @ApiProperty({ type: SurveyScoresDto }) @ValidateNested() @Type(() => SurveyScoresDto) scores!: SurveyScoresDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) comment?: string;
}

export class CheckpointDecisionDto {
  @ApiProperty({ enum: ['approve', 'request-changes', 'escalate'] })
  @IsIn(['approve', 'request-changes', 'escalate'])
  decision!: 'approve' | 'request-changes' | 'escalate';
  @ApiPropertyOptional({ description: 'Required to request changes (guidance for the mentor) or to escalate (why).' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  guidance?: string;
}

export class ReviewDto {
  @ApiProperty({ type: SurveyDto }) @ValidateNested() @Type(() => SurveyDto) survey!: SurveyDto;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { delegation: 3 },
    description: 'Mentor: re-assessed level (1–5) of each goal.',
  })
  @IsOptional()
  @IsObject()
  levels?: Record<string, number>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { 'Team turnover (12 months)': 12 },
    description: 'Mentor, final review: each baseline fact measured again.',
  })
  @IsOptional()
  @SaneNumberRecord()
  factsAfter?: Record<string, number>;
}

export class ReasonDto {
  @ApiProperty({ example: 'parental leave' }) @IsString() @MinLength(3) @MaxLength(1000) reason!: string;
}

export class TerminationDto extends ReasonDto {
  @ApiPropertyOptional({ default: false, description: 'Ask the program to match the mentee again.' })
  @IsOptional()
  @IsBoolean()
  rematch?: boolean;
}

export const REVIEW_STAGES = ['midterm', 'final'] as const;
