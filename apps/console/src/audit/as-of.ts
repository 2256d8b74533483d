import { useSearchParams } from 'react-router';

/** `?asOf=` holds an ISO instant; anything else in it is ignored rather than sent to the API. */
function readAsOf(value: string | null): string | null {
  if (!value || Number.isNaN(Date.parse(value))) return null;
  return new Date(value).toISOString();
}

/**
 * The instant a page is looked at, kept in the URL (`?asOf=<ISO instant>`) so a link or a reload
 * shows the same past state; null for now. Setting it keeps the page's other parameters and adds
 * no history entry per slider move.
 */
export function useAsOf(): [string | null, (instant: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const asOf = readAsOf(params.get('asOf'));
  const setAsOf = (instant: string | null): void =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (instant) next.set('asOf', instant);
        else next.delete('asOf');
        return next;
      },
      { replace: true },
    );
  return [asOf, setAsOf];
}

/** The last of the sorted `instants` at or before `asOf` (-1 when `asOf` is before them all). */
export function indexAtOrBefore(instants: readonly string[], asOf: string): number {
  let found = -1;
  for (let i = 0; i < instants.length && instants[i]! <= asOf; i++) found = i;
  return found;
}

/** True when an event recorded at `recordedAt` was not yet on the record at `asOf` (null: now, nothing is later). */
export function recordedAfter(recordedAt: string, asOf: string | null): boolean {
  return asOf !== null && recordedAt > asOf;
}
