import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class PilotImportDto {
  @ApiProperty({ example: 'Pilot 2025, operations' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({
    description:
      'The pilot mentorships (docs/PILOT-IMPORT.md): ref, mentorId, menteeId, startedOn, endedOn, sessions, competencies, baseline, final, ' +
      'optional mentorExperienceYears / sameDepartment / attributes, surveys [{respondent, moment, answers}], facts, anecdotes.',
    type: [Object],
  })
  @IsArray()
  @ArrayMaxSize(5000)
  mentorships!: unknown[];
}

export class ApplyPilotDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() pilotId!: string;
}
