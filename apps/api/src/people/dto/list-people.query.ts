import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { OffsetQuery } from '../../http/param-pipes.js';
import { PERSON_STATUSES } from '../../../../../libs/domain/src/index.js';

export class ListPeopleQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
  @OffsetQuery()
  offset: number = 0;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) department?: string;
  @ApiPropertyOptional({ enum: PERSON_STATUSES }) @IsOptional() @IsIn(PERSON_STATUSES) status?: 'active' | 'left';
  @ApiPropertyOptional({ description: 'Only the mentor pool (true) or only outside it (false).' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mentorPool?: boolean;
  @ApiPropertyOptional({ description: 'Search in name and email.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
