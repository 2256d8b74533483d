import { ApiProperty } from '@nestjs/swagger';
import { Actor, Role, ROLES } from '@bihuan/core';

/** The person behind a message or a request (user id, role, unit): one schema for every answer that names one. */
export class ActorDto implements Actor {
  @ApiProperty({ description: 'User id (`system` for sagas and timers)' }) id!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'Unit (jurisdiction node) they act for' }) unit!: string;
}

/** A free-form JSON object (event payloads, policy values): the one place such a shape is declared loose. */
export const FREE_OBJECT = { type: 'object', additionalProperties: true } as const;
