import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ApproveLaunchDto {
  @ApiPropertyOptional({
    example: 'Go: aligned with the 2027 people plan.',
    description: "The sponsor's comment, kept in the event log.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
