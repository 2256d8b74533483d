/**
 * The `names` (id → name) the API adds to every authenticated JSON answer that mentions directory
 * ids (docs/api/names.md). A response step adds it, so the OpenAPI document does not describe it.
 */
export function namesOf(answer: object | null | undefined): Readonly<Record<string, string>> {
  const names = (answer as { names?: unknown } | null | undefined)?.names;
  return typeof names === 'object' && names !== null ? (names as Record<string, string>) : {};
}
