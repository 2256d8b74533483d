/**
 * `@ApiProperty` options for a code from `codes` or null. Null is listed among the values too: a
 * validator reads `enum` beside `nullable`, and openapi-typescript then types the field `'a' | 'b' | null`.
 */
export function nullableEnum(codes: readonly string[]): { nullable: true; type: StringConstructor; enum: (string | null)[] } {
  return { nullable: true, type: String, enum: [...codes, null] };
}
