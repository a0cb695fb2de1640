import { json, parseJsonBody } from '../../shared/http-types.ts';
import { validationError } from '../errors.ts';
import { SearchValidationError } from '../search/filters.ts';
import { runSearch, SearchRequest } from '../search/run-search.ts';
import { type Route, withType } from './route.ts';

export const searchRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/crm/v3/objects/:type/search',
    rateClass: 'search',
    handle: (req, { type: name }, { state, now }) =>
      withType(name, (type) => {
        const parsed = SearchRequest.safeParse(parseJsonBody(req.body));
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          return validationError(
            `Invalid input JSON: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim(),
          );
        }
        try {
          return json(200, runSearch(state.data, type, parsed.data, now));
        } catch (error) {
          if (error instanceof SearchValidationError) return validationError(error.message);
          throw error;
        }
      }),
  },
];
