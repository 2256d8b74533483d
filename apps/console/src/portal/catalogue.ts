import { useEffect, useState } from 'react';
import { call } from '../client/errors';
import type { operations } from '../client/schema.gen';
import { publicApi } from './public-api';

type Catalogue = operations['CatalogueController_read']['responses'][200]['content']['application/json'];
type Vocabulary = keyof Catalogue;

let loading: Promise<Catalogue> | null = null;

/** GET /catalogue, once per page load (it is public and the same for everyone). */
function loadCatalogue(): Promise<Catalogue> {
  loading ??= call(publicApi.GET('/catalogue')).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export interface PortalWords {
  readonly ready: boolean;
  label(vocabulary: Vocabulary, value: string | null | undefined): string;
  options(vocabulary: Vocabulary): readonly { value: string; label: string }[];
}

/** The API's words for the portal's codes (categories, steps, ratings …), without a query library. */
export function usePortalCatalogue(): PortalWords {
  const [data, setData] = useState<Catalogue | null>(null);
  useEffect(() => {
    let live = true;
    loadCatalogue().then(
      (catalogue) => live && setData(catalogue),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return {
    ready: data !== null,
    label: (vocabulary, value) => (value ? (data?.[vocabulary].find((entry) => entry.value === value)?.label ?? value) : '—'),
    options: (vocabulary) => data?.[vocabulary] ?? [],
  };
}
