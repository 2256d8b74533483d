import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PersonalIdentity } from '@bihuan/privacy';

/** The decrypted name and contacts of a named complainant (only the fields they gave). */
export class RevealedComplainantIdentityDto implements PersonalIdentity {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional({ description: 'Resident ID card or passport number' }) idNumber?: string;
  @ApiPropertyOptional() address?: string;
  @ApiPropertyOptional() email?: string;
}

export class AnonymousComplainantDto {
  @ApiProperty({ enum: ['anonymous'] }) kind!: 'anonymous';
}

/** A named complainant whose key was deleted (个人信息删除): who they were can no longer be read. */
export class ErasedComplainantDto {
  @ApiProperty({ enum: ['named'] }) kind!: 'named';
  @ApiProperty() subjectId!: string;
  @ApiProperty({ enum: [true] }) erased!: true;
}

export class NamedComplainantDto {
  @ApiProperty({ enum: ['named'] }) kind!: 'named';
  @ApiProperty() subjectId!: string;
  @ApiProperty({ enum: [false] }) erased!: false;
  @ApiProperty({ type: () => RevealedComplainantIdentityDto }) identity!: RevealedComplainantIdentityDto;
}

/** 200 with one of the complainant's three shapes (ComplainantView): anonymous, erased, or named with the identity. */
export function ApiComplainantResponse(): MethodDecorator {
  const shapes = [AnonymousComplainantDto, ErasedComplainantDto, NamedComplainantDto];
  return applyDecorators(
    ApiExtraModels(...shapes),
    ApiOkResponse({
      description: 'Anonymous; named and erased; or named with the decrypted identity',
      schema: { oneOf: shapes.map((shape) => ({ $ref: getSchemaPath(shape) })) },
    }),
  );
}
