import type { LiveDelta, LiveEvent } from '@meridian/api'

// A Record over the union makes the compiler demand an entry for every delta type the BFF can
// send; a Set of strings silently dropped `dashboard.changed` when it was added.
const KNOWN_TYPES: Record<LiveDelta['type'], true> = {
  'task.changed': true,
  'nodes.changed': true,
  'node.removed': true,
  'service.changed': true,
  'deployment.changed': true,
  'plan.changed': true,
  'job.changed': true,
  'dashboard.changed': true,
  resync: true,
  'upstream.status': true,
}
const TYPES = new Set<string>(Object.keys(KNOWN_TYPES))

/** Parses one SSE `data:` payload; anything malformed or of an unknown type is dropped (null). */
export function parseLiveEvent(data: string): LiveEvent | null {
  let raw: unknown
  try {
    raw = JSON.parse(data)
  } catch {
    return null
  }
  if (typeof raw !== 'object' || raw === null) return null
  const ev = raw as Partial<LiveEvent>
  if (typeof ev.id !== 'string' || typeof ev.at !== 'number' || typeof ev.delta !== 'object' || ev.delta === null) return null
  if (!TYPES.has((ev.delta as { type?: unknown }).type as string)) return null
  return ev as LiveEvent
}
