import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { AtRisk, MentorContribution, ProgramIndicators, Recognition } from '../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID } from '../http/validation.js';

export class MonitoringResponse {
  @ApiProperty({
    description:
      'mentorships, byPhase, engagement (sessions logged ÷ sessions the cadence asked for), checkpointOutcomes, remindersSent, escalations, satisfaction (mean latest pulse, 1–5), competencyProgress (mean level gained per competency).',
  })
  indicators!: ProgramIndicators;
  @ApiProperty({ description: 'Mentorships at risk, most reasons first; each reason with its detail.' })
  atRisk!: AtRisk[];
  @ApiProperty({ description: 'The moment the indicators were computed for.' }) at!: string;
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

export class RecognitionResponse {
  @ApiProperty({ description: 'Each mentor’s contribution this cycle, most hours first.' })
  contributions!: MentorContribution[];
  @ApiProperty({ description: 'Highlight texts for internal communication, per mentor, in English and French.' })
  highlights!: Record<string, { en: string; fr: string }>;
  @ApiProperty({ description: 'Recognition granted by the owner, all cycles.' }) granted!: Recognition[];
}
