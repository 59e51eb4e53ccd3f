/** Slack answers response_url posts in well under a second; one that hangs must not hold a socket for minutes. */
export const RESPONSE_URL_TIMEOUT_MS = 5000;

/**
 * Posts a message to a Slack response_url with a timeout. Used instead of Bolt's respond(), whose HTTP client
 * has no timeout (a hanging response_url held sockets for over a minute).
 */
export async function postResponseUrl(url: string, message: object, timeoutMs = RESPONSE_URL_TIMEOUT_MS): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`response_url answered ${response.status}`);
}
