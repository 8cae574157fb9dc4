import { IsOptional, IsString, MaxLength } from 'class-validator';

export class SignInForm {
  @IsString() @MaxLength(200) token!: string;
  /** The dashboard page to go on to (a link followed before signing in). */
  @IsOptional() @IsString() @MaxLength(500) next?: string;
}
