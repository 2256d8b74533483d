import { ApiProperty } from '@nestjs/swagger';
import { Actor, Role, ROLES } from '@bihuan/core';

/** The caller as the token says: user id, role and the unit they act for. */
export class ActorDto implements Actor {
  @ApiProperty({ description: 'Directory user id (its name is in `names`)' }) id!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'Directory unit id the user acts for' }) unit!: string;
}

export class UnitPathStepDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Unit kind (catalogue: unitKinds)' }) kind!: string;
}

/** GET /me: who is signed in, and the chain of units from the root to theirs. */
export class MeDto {
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiProperty({ type: [UnitPathStepDto], description: 'From the root unit down to the user’s own' }) unitPath!: UnitPathStepDto[];
}
