import { ApiProperty } from '@nestjs/swagger';

/** GET /health/live: the process answers (also while it stops). */
export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ description: 'True from the first moment of a stop (SIGTERM)' }) stopping!: boolean;
}
