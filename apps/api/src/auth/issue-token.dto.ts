import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { ROLES, type Role } from '../../../../libs/domain/src/index.js';

export class IssueTokenDto {
  @ApiProperty({
    example: 'emp-0007',
    description: 'Person id (employee id); the person is added to the directory if new.',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'personId must be 1-100 letters, digits or . _ @ -' })
  personId!: string;

  @ApiProperty({ example: 'Claire Martin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName!: string;

  @ApiPropertyOptional({ example: 'claire.martin@example.com' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['sponsor'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ example: 'laptop', description: 'What the token is for (shown in audits).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}

export class IssuedTokenResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'The bearer secret, shown this once; only its hash is stored.' }) token!: string;
}
