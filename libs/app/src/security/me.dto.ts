import { ApiProperty } from '@nestjs/swagger';
import { UnitKind } from '@bihuan/auth';
import { UNIT_KINDS } from '@bihuan/directory';
import { ActorDto } from '@bihuan/platform';

/** One unit on the way from the caller's unit up to the root. */
export class MeUnitDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
}

/** GET /me: who the token says the caller is, and the unit path of their jurisdiction (own unit first). */
export class MeDto {
  @ApiProperty({ type: () => ActorDto }) actor!: ActorDto;
  @ApiProperty({ type: () => [MeUnitDto] }) unitPath!: MeUnitDto[];
}
