import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';

export class GroupGapsQuery {
  @ApiPropertyOptional({ enum: ['department', 'jobLevel'], default: 'department' })
  @IsOptional()
  @IsIn(['department', 'jobLevel'])
  groupBy: 'department' | 'jobLevel' = 'department';
  @ApiPropertyOptional({ enum: ['managers', 'mentors'], default: 'managers' })
  @IsOptional()
  @IsIn(['managers', 'mentors'])
  population: 'managers' | 'mentors' = 'managers';
  @ApiPropertyOptional({ default: 'managerial-core' }) @IsOptional() @Matches(/^[a-z][a-z0-9-]{1,60}$/) model: string =
    'managerial-core';
}

export class CoverageQuery {
  @ApiPropertyOptional({ default: 'managerial-core' }) @IsOptional() @Matches(/^[a-z][a-z0-9-]{1,60}$/) model: string =
    'managerial-core';
  @ApiPropertyOptional({
    default: 4,
    minimum: 1,
    maximum: 5,
    description: 'Lowest level a mentor needs to help on a competency.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(1)
  @Max(5)
  threshold: number = 4;
}

export class AccessQuery {
  @ApiPropertyOptional({ enum: ['department', 'jobLevel', 'tenure'], default: 'department' })
  @IsOptional()
  @IsIn(['department', 'jobLevel', 'tenure'])
  by: 'department' | 'jobLevel' | 'tenure' = 'department';
}
