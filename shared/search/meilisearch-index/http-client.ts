/**
 * The `httpClient` hook the Meilisearch client is built with: over an injectable fetch, it parses
 * responses and raises API errors the way the client's own fetch path does, and honours abort signals.
 * Part of the adapter (../meilisearch-index.ts); the default fetch is ../node-http-fetch.ts.
 */
import { MeilisearchApiError } from 'meilisearch';

/** Rejects with the signal's reason as soon as it aborts, even if the underlying promise ignores it. */
function withAbort<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * A `httpClient` for the client: the fetch path of the client itself (parse JSON, throw
 * MeilisearchApiError on non-2xx), over an injectable fetch. Honours the abort signal the client uses
 * for task-wait timeouts, rejecting with its reason, which is what the client recognises as a timeout.
 */
export function fetchHttpClient(fetchImpl: typeof fetch) {
  return async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<unknown> => {
    const signal = init?.signal;
    if (signal?.aborted) throw signal.reason;
    const response = await withAbort(fetchImpl(input, init), signal);
    const text = await withAbort(response.text(), signal);
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      if (response.ok) throw error;
      body = undefined;
    }
    if (!response.ok) {
      const errorBody = isErrorBody(body) ? body : undefined;
      throw new MeilisearchApiError(response, errorBody);
    }
    return body;
  };
}

function isErrorBody(body: unknown): body is { message: string; code: string; type: string; link: string } {
  return typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string';
}
