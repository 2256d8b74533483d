import { useQuery } from '@tanstack/react-query';
import { api } from '../client/client';
import { call } from '../client/errors';
import type { operations } from '../client/schema.gen';

type Catalogue = operations['CatalogueController_read']['responses'][200]['content']['application/json'];
/** A vocabulary of the catalogue: roles, findingStatuses, complaintCategories … */
export type Vocabulary = keyof Catalogue;
export interface Words {
  /** The label of `value` in `vocabulary` (the code itself while the catalogue loads or if unknown). */
  label(vocabulary: Vocabulary, value: string | null | undefined): string;
  /** Every `{ value, label }` of `vocabulary`, for selects and filters. */
  options(vocabulary: Vocabulary): { value: string; label: string }[];
}

/** The API's words for every code (GET /catalogue: public, the same for everyone, read once per page load). */
export function useCatalogue(): Words {
  const { data } = useQuery({ queryKey: ['catalogue'], queryFn: () => call(api.GET('/catalogue')), staleTime: Infinity });
  return {
    label: (vocabulary, value) => (value ? (data?.[vocabulary].find((entry) => entry.value === value)?.label ?? value) : '—'),
    options: (vocabulary) => [...(data?.[vocabulary] ?? [])],
  };
}
