/**
 * Every signed-in JSON answer that mentions directory ids (users, units, staff) carries
 * `names: { <id>: <name> }` (docs/api/names.md). One interceptor adds it to every such answer,
 * so the OpenAPI document states it once in its description rather than on each schema; this is
 * the one place the console reads it.
 */
export function namesOf(answer: object | null | undefined): (id: string | null | undefined) => string {
  const names = (answer as { names?: Record<string, string> } | null | undefined)?.names ?? {};
  return (id) => (id ? (names[id] ?? id) : '—');
}
