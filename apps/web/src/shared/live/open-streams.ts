/**
 * Every event stream the app holds open (the live event stream, a task log being followed), so
 * signing out can close them all at once: a stream opened under the old session must not keep
 * delivering to a signed-out tab, nor keep reconnecting.
 */
const streams = new Set<{ close(): void }>()

/** Registers an open stream (anything with `close`, e.g. an EventSource); returns the function that forgets it. */
export function trackStream(stream: { close(): void }): () => void {
  streams.add(stream)
  return () => void streams.delete(stream)
}

/** Closes every tracked stream (sign-out). */
export function closeAllStreams(): void {
  const open = [...streams]
  streams.clear()
  for (const s of open) s.close()
}
