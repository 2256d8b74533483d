import createClient from 'openapi-fetch';
import type { paths } from '../client/schema.gen';

/**
 * The API for the public portal: the same typed client as the console's, but with plain fetch —
 * the public routes take no token, and a staff session open in another tab must not ride along.
 */
export const publicApi = createClient<paths>({ baseUrl: window.location.origin });
