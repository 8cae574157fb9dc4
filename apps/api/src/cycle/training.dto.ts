import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { SaneInstant } from '../http/bounds.js';
import { TRAINING_AUDIENCES, type TrainingAudience } from '../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID } from '../http/validation.js';

export class TrainingSessionDto {
  @ApiProperty({ enum: TRAINING_AUDIENCES }) @IsIn(TRAINING_AUDIENCES) audience!: TrainingAudience;
  @ApiProperty({ example: 'Mentoring a first-line manager: the first three sessions' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;
  @ApiProperty({ example: '2027-03-01T09:00:00.000Z', description: 'When it was held: from 2000 to now.' })
  @SaneInstant()
  heldAt!: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'Links to material: cases and lessons from earlier cycles, slides.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true }, { each: true })
  materials?: string[];
  @ApiProperty({ type: [String], description: 'Enrolled mentors (or mentees) who attended.' })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(EMPLOYEE_ID, { each: true, message: 'each attendee must be an employee id' })
  attendees!: string[];
  @ApiPropertyOptional({
    example: 'delegation',
    description: 'The training plan item (competency key) this session delivers; it must be in the recorded plan.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  planItem?: string;
  @ApiPropertyOptional({
    type: [String],
    description:
      'Who gave it: experienced trainers of the plan (a supervisor, or a mentor with enough closed mentorships).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(EMPLOYEE_ID, { each: true, message: 'each trainer must be an employee id' })
  trainerIds?: string[];
}

export class TrainingSessionResponse {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ enum: TRAINING_AUDIENCES }) audience!: string;
  @ApiProperty() title!: string;
  @ApiProperty() heldAt!: string;
  @ApiProperty({ type: [String] }) materials!: string[];
  @ApiProperty({ type: [String] }) attendees!: string[];
  @ApiPropertyOptional() planItem?: string;
  @ApiPropertyOptional({ type: [String] }) trainerIds?: string[];
}

export class TrainingResponse {
  @ApiProperty({ type: [TrainingSessionResponse] }) sessions!: TrainingSessionResponse[];
  @ApiProperty({
    type: [String],
    description: 'Enrolled mentors who attended a mentors’ session: their mentorships may start.',
  })
  trainedMentors!: string[];
  @ApiProperty({ type: [String], description: 'Enrolled mentors not trained yet: their mentorships wait.' })
  untrainedMentors!: string[];
}
