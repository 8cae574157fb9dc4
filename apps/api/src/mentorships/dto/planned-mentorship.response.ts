import { ApiProperty } from '@nestjs/swagger';
import type { PlannedMentorshipStatus } from '../../../../../libs/domain/src/index.js';

export class PlannedMentorshipResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() menteeId!: string;
  @ApiProperty() mentorId!: string;
  @ApiProperty() supervisorId!: string;
  @ApiProperty({ description: 'The cycle that planned it.' }) cycle!: number;
  @ApiProperty({
    enum: ['WAITING_FOR_TRAINING', 'WAITING_FOR_EXECUTION', 'STARTING', 'STARTED'],
    description: 'A mentorship starts once the program is in EXECUTION and its mentor is trained.',
  })
  status!: PlannedMentorshipStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Phase of the mentorship once started.' }) phase!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) startedAt!: string | null;
}
