import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Min, ValidateIf, ValidateNested } from 'class-validator';
import { SaneInstant } from '../http/bounds.js';
import { CreatePersonDto } from '../people/dto/person.dto.js';

export const HR_EVENT_TYPES = ['hired-as-manager', 'promoted-to-manager', 'changed-manager', 'left'] as const;
export type HrEventType = (typeof HR_EVENT_TYPES)[number];

export class HrEventDto {
  @ApiProperty({
    example: 'workday-evt-88123',
    description: "The HR system's id of the event: a redelivery with the same id is applied once.",
  })
  @Matches(/^[A-Za-z0-9._:@/-]{1,200}$/, { message: 'sourceId must be 1-200 letters, digits or . _ : @ / -' })
  sourceId!: string;

  @ApiProperty({ enum: HR_EVENT_TYPES }) @IsIn(HR_EVENT_TYPES) type!: HrEventType;
  @ApiProperty({ example: 'E1042' })
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'personId must be an employee id' })
  personId!: string;
  @ApiProperty({ example: '2026-11-20T09:00:00Z', description: 'From 2000 to a year from now (an announced change).' })
  @SaneInstant({ maxFutureDays: 366 })
  occurredAt!: string;

  @ApiPropertyOptional({ example: 'M1', description: 'New job level (hired/promoted).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9 _.-]{1,40}$/)
  jobLevel?: string;
  @ApiPropertyOptional({ example: 6, description: 'Size of the team now managed.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  teamSize?: number;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'New manager (changed-manager; null at the top).' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'managerId must be an employee id' })
  managerId?: string | null;

  @ApiPropertyOptional({
    type: CreatePersonDto,
    description: 'hired-as-manager: the new person when the directory does not know them yet.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreatePersonDto)
  person?: CreatePersonDto;
}

export class HrEventResponse {
  @ApiProperty() sourceId!: string;
  @ApiProperty({ description: 'false for a redelivery: nothing was changed again.' }) applied!: boolean;
  @ApiProperty() duplicate!: boolean;
  @ApiProperty({ description: 'A nomination suggestion for the next cycle was created.' }) nominated!: boolean;
}
