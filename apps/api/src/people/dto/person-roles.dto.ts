import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn } from 'class-validator';
import { ROLES, type Role } from '../../../../../libs/domain/src/index.js';

/** The roles mentorflow gives a person (the identity provider says who someone is, never what they may do). */
export class PersonRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['mentor', 'supervisor'] })
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}
