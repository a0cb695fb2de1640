/** How one Slack Web API call ended. */
export type SlackCallStatus = 'ok' | 'rate_limited' | 'error';

const methodOf = (input: Parameters<typeof fetch>[0]): string => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    return (
      new URL(url).pathname
        .split('/')
        .filter((p) => p !== '')
        .pop() ?? 'unknown'
    );
  } catch {
    return 'unknown';
  }
};

/** Slack answers most failures with HTTP 200 and `ok: false`; only the body tells. */
async function statusOf(response: Response): Promise<SlackCallStatus> {
  if (response.status === 429) return 'rate_limited';
  if (!response.ok) return 'error';
  try {
    const body: unknown = await response.clone().json();
    if (typeof body !== 'object' || body === null || !('ok' in body)) return 'error';
    if (body.ok === true) return 'ok';
    return 'error' in body && body.error === 'ratelimited' ? 'rate_limited' : 'error';
  } catch {
    // Not JSON (a proxy's error page): the SDK fails the call too.
    return 'error';
  }
}

/**
 * A `fetch` for the Slack WebClient (`WebClientOptions.fetch`) that records every Web API call by
 * method and outcome (`sla_bot_slack_requests_total{method,status}`), then hands the response back
 * untouched. A call that never got an answer counts as `error` and still throws.
 */
export function observeSlackFetch(
  inner: typeof fetch,
  record: (method: string, status: SlackCallStatus) => void,
): typeof fetch {
  return async (input, init) => {
    const method = methodOf(input);
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (err) {
      record(method, 'error');
      throw err;
    }
    record(method, await statusOf(response));
    return response;
  };
}
