import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../client/client';
import { call } from '../../client/errors';

export type Draw = Schemas['CreditDrawAnswerDto'];

/** Every query of the draws' pages sits under this key, so one step refreshes the list and the draw together. */
export const DRAWS_KEY = ['draws'] as const;

/** Who commits and reveals draws (the draws routes' @Roles): the commission's inspectors and leaders. */
export const mayRunDraws = (role: string | undefined): boolean => role === 'inspector' || role === 'leader';
/** Who reads them: those, and admins. Hospitals and partner agencies never. */
export const mayReadDraws = (role: string | undefined): boolean => mayRunDraws(role) || role === 'admin';

/** A draw as staff read it: inputs, commitment, result, each drawn visit's state; the seed once revealed. */
export function useDraw(drawId: string) {
  return useQuery({
    queryKey: [...DRAWS_KEY, 'draw', drawId],
    queryFn: () => call(api.GET('/draws/{drawId}', { params: { path: { drawId } } })),
  });
}

/** After a step: the draws' list and pages. */
export function useRefreshDraws() {
  const queries = useQueryClient();
  return (): Promise<unknown> => queries.invalidateQueries({ queryKey: DRAWS_KEY });
}

/** The public page of a draw (一公开): the commitment at once, everything to check it once revealed. */
export const publicDrawPath = (drawId: string): string => `/public/draws/${encodeURIComponent(drawId)}`;

/**
 * Why the seed cannot be revealed yet, in the words the staff read (null: it can be): the draw is
 * not made yet, or some drawn visit is neither conducted nor cancelled (the API refuses the same).
 */
export function revealBlocker(draw: Draw): string | null {
  if (draw.status === 'revealed') return '种子已公开';
  if (draw.status === 'committed') return '抽取尚未完成，请稍后刷新';
  if (draw.status !== 'drawn') return '该抽查不能公开种子';
  const pending = (draw.drawnVisits ?? []).filter((visit) => visit.outcome === 'pending').length;
  return pending > 0 ? `尚有 ${pending} 家抽中机构的检查未完成或取消，完成后方可公开种子` : null;
}
