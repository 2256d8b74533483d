import { useEffect, useState } from 'react';
import { call, messageOf } from '../client/errors';
import type { components } from '../client/schema.gen';
import { publicApi } from './public-api';

export type PublicInstitution = components['schemas']['PublicInstitutionDto'];

let loading: Promise<readonly PublicInstitution[]> | null = null;

/** GET /public/institutions, once per page load: the complaint form and the credit pages both need it. */
export function useInstitutions(): { institutions: readonly PublicInstitution[] | null; error: string | null } {
  const [institutions, setInstitutions] = useState<readonly PublicInstitution[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loading ??= call(publicApi.GET('/public/institutions')).then((answer) => answer.items);
    loading.then(
      (items) => live && setInstitutions(items),
      (thrown: unknown) => {
        loading = null;
        if (live) setError(messageOf(thrown));
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { institutions, error };
}
