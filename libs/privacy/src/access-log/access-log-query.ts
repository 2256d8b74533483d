import { AccessLogEntry, AccessLogQuery } from './access-log.port';

export function queryLimit(query: AccessLogQuery): { limit: number; offset: number } {
  const limit = query.limit === undefined || !Number.isFinite(query.limit) ? 100 : Math.min(1000, Math.max(1, Math.floor(query.limit)));
  return { limit, offset: Math.max(0, Math.floor(query.offset ?? 0)) };
}

/** The in-memory form of an AccessLogQuery's filters (the SQLite adapter uses SQL). */
export function matchesQuery(entry: AccessLogEntry, query: AccessLogQuery): boolean {
  return (
    (query.subjectId === undefined || entry.subjectId === query.subjectId) &&
    (query.readerId === undefined || entry.reader.id === query.readerId) &&
    (query.action === undefined || entry.action === query.action) &&
    (query.from === undefined || entry.at >= query.from) &&
    (query.to === undefined || entry.at < query.to)
  );
}
