import { isRecord, json, parseJsonBody } from '../../shared/http-types.ts';
import { hubspotError, validationError } from '../errors.ts';
import type { Route } from './route.ts';

/**
 * What a token "with every scope" is told it has: the scopes sla-bot can use (docs/hubspot.md) and a
 * few it does not, as a real private app would list them.
 */
export const EVERY_SCOPE: readonly string[] = [
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.contacts.read',
  'crm.schemas.contacts.write',
  'crm.objects.owners.read',
  'crm.objects.leads.read',
  'crm.objects.leads.write',
  'crm.objects.deals.read',
  'crm.objects.companies.read',
  'oauth',
];

/** The OAuth endpoint's answer to a token that is not an OAuth access token (HA-2; status assumed). */
const notOAuthToken = () => hubspotError(400, 'BAD_REQUEST', 'The access token must have the correct format');

export const authRoutes: readonly Route[] = [
  {
    // HA-1: the token asked about travels in the body; the sandbox also requires the Authorization
    // header (required for EU tokens), and answers for private-app tokens only.
    method: 'POST',
    path: '/oauth/v2/private-apps/get/access-token-info',
    rateClass: 'standard',
    handle: (req, _params, { state, tokens }) => {
      const body = parseJsonBody(req.body);
      if (!isRecord(body) || typeof body.tokenKey !== 'string' || Object.keys(body).length !== 1)
        return validationError('Invalid input JSON: expected {"tokenKey": "<private app access token>"}');
      const token = tokens(body.tokenKey);
      if (token === null || token.kind !== 'private_app')
        return validationError('The token is not a private app access token');
      return json(200, {
        userId: 1_000_123,
        hubId: state.account.portalId,
        appId: token.appId,
        scopes: [...token.scopes],
      });
    },
  },
  {
    // HA-2: `AccessTokenInfoResponse` of the OAuth spec, for OAuth access tokens only.
    method: 'GET',
    path: '/oauth/v1/access-tokens/:token',
    rateClass: 'standard',
    handle: (_req, { token: asked = '' }, { state, tokens }) => {
      const token = tokens(asked);
      if (token === null || token.kind !== 'oauth') return notOAuthToken();
      return json(200, {
        token: asked,
        user: 'admin@example.test',
        hub_domain: 'example.test',
        scopes: [...token.scopes],
        hub_id: state.account.portalId,
        app_id: token.appId,
        expires_in: 1800,
        user_id: 1_000_123,
        token_type: 'access',
      });
    },
  },
];
