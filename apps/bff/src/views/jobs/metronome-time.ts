/**
 * Metronome prints timestamps as `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (`2016-07-15T13:02:59.735+0000`,
 * upstream-apis.md §3.1), which `Date` does not parse everywhere; views hand out ISO-8601 `Z`.
 */
const OFFSET_WITHOUT_COLON = /([+-]\d{2})(\d{2})$/

/** Milliseconds since epoch, or null for absent/unparsable values. */
export function metronomeMillis(ts: string | null | undefined): number | null {
  if (!ts) return null
  const ms = Date.parse(ts.replace(OFFSET_WITHOUT_COLON, '$1:$2'))
  return Number.isNaN(ms) ? null : ms
}

/** ISO-8601 (UTC, `Z`), or null. */
export function metronomeIso(ts: string | null | undefined): string | null {
  const ms = metronomeMillis(ts)
  return ms === null ? null : new Date(ms).toISOString()
}

/** Seconds between two Metronome timestamps, or null when either is missing. */
export function secondsBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  const a = metronomeMillis(from)
  const b = metronomeMillis(to)
  return a === null || b === null ? null : Math.max(0, Math.round((b - a) / 1000))
}
