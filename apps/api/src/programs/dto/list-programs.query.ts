import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OffsetQuery } from '../../http/param-pipes.js';
import { PROGRAM_PHASES, type ProgramPhase } from '../../../../../libs/domain/src/index.js';

export class ListProgramsQuery {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @OffsetQuery()
  offset: number = 0;

  @ApiPropertyOptional({ enum: PROGRAM_PHASES, description: 'Only programs in this phase.' })
  @IsOptional()
  @IsIn(PROGRAM_PHASES)
  phase?: ProgramPhase;
}
