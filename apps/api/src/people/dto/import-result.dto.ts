import { ApiProperty } from '@nestjs/swagger';

export class ImportResultResponse {
  @ApiProperty({ nullable: true, type: String, description: 'Id of the recorded import (null on a dry run).' })
  importId!: string | null;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty() rows!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ description: 'false when the file matched the directory exactly (a re-import).' }) changed!: boolean;
  @ApiProperty({ example: 'nothing to change: all 120 rows match the directory' }) message!: string;
  @ApiProperty() fileSha256!: string;
}
