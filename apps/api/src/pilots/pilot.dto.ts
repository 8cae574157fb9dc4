import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MaxItems } from '../http/validation.js';

export class PilotImportDto {
  @ApiProperty({ example: 'Pilot 2025, operations' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({
    description:
      'The pilot mentorships (docs/PILOT-IMPORT.md): ref, mentorId, menteeId, startedOn, endedOn, sessions, competencies, baseline, final, ' +
      'optional mentorExperienceYears / sameDepartment / attributes, surveys [{respondent, moment, answers}], facts, anecdotes.',
    type: [Object],
  })
  @IsArray()
  @MaxItems(5000)
  mentorships!: unknown[];
}

export class PilotImportedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Mentorships in the file.' }) mentorships!: number;
  @ApiProperty({ description: 'False when the same mentorships had been imported before.' }) created!: boolean;
}

export class ApplyPilotDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() pilotId!: string;
}

export class PilotSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() mentorships!: number;
  @ApiProperty() importedBy!: string;
  @ApiProperty({ format: 'date-time' }) importedAt!: string;
}

const described = (description: string) => ({
  type: 'array' as const,
  items: { type: 'object' as const },
  description,
});

export class PilotAnalysisBodyResponse {
  @ApiProperty(described('Each mentorship: success score (0–1), outcome and the reasons for it.'))
  mentorships!: unknown[];
  @ApiProperty({
    description: 'How many succeeded, partly succeeded, failed.',
    example: { success: 60, partial: 40, failure: 20 },
  })
  outcomes!: Record<string, number>;
  @ApiProperty(described('Each factor: label, n, effect size r with its corrected interval, or "not enough data".'))
  factors!: unknown[];
  @ApiProperty(described('Per competency: the model’s target against the mentees’ and the mentors’ levels.'))
  gaps!: unknown[];
  @ApiProperty(described('Themes of the free text (French and English) with quotes.')) themes!: unknown[];
  @ApiProperty({ type: [String] }) keySuccessFactors!: string[];
  @ApiProperty({ type: [String] }) risks!: string[];
  @ApiProperty({
    description: 'Recommended matching weights, training focus competencies and notes.',
    example: { matchingWeights: { competency: 0.4 }, focusCompetencies: ['delegation'], notes: [] },
  })
  recommendations!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'How the analysis was made, in words.' }) method!: string[];
}

export class PilotRefResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class PilotAnalysisResponse {
  @ApiProperty({ type: PilotRefResponse }) pilot!: PilotRefResponse;
  @ApiProperty({ type: PilotAnalysisBodyResponse }) analysis!: PilotAnalysisBodyResponse;
}
