import { ApiProperty } from '@nestjs/swagger';
import { PROGRAM_PHASES, type CycleView } from '../../../../../libs/domain/src/index.js';

/** One cycle of a program, as `GET /programs/{id}/cycles` lists it. */
export class CycleSummaryResponse {
  @ApiProperty({ minimum: 1 }) cycle!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Renewed or closed; null while it runs.',
  })
  endedAt!: string | null;
  @ApiProperty({ enum: PROGRAM_PHASES, description: 'The phase it is in, or ended in (RENEWED, CLOSED).' })
  phase!: string;
  @ApiProperty({ description: 'Mentorships planned in the cycle (they may run on after it ends).' })
  mentorships!: number;
  @ApiProperty({ description: 'The running cycle: what every read shows without `?cycle=`.' }) current!: boolean;

  static from(c: CycleView, current: boolean): CycleSummaryResponse {
    return {
      cycle: c.cycle,
      startedAt: c.startedAt,
      endedAt: c.endedAt,
      phase: c.state.phase,
      mentorships: c.mentorshipIds.length,
      current,
    };
  }
}

/** What every cycle-scoped answer says of the cycles: which one it shows, and which there are. */
export class CycleScopeResponse {
  @ApiProperty({ minimum: 1, description: 'The cycle this answer is about.' }) cycle!: number;
  @ApiProperty({ type: [Number], description: 'Every cycle of the program, oldest first.' }) cycles!: number[];
}
