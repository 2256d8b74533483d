/**
 * Stream names are `<category>-<id>` with a dash-free category, as EventStoreDB derives the
 * category from the text before the first dash.
 */
export function streamName(category: string, id: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(category)) {
    throw new Error(`Invalid stream category "${category}": letters, digits and _ only, no dash`);
  }
  if (id.length === 0) throw new Error('Stream id must not be empty');
  return `${category}-${id}`;
}

export function categoryOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
}

export function idOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? '' : stream.slice(dash + 1);
}
