import type { LiveEvent } from '@meridian/api'

const TYPES = new Set([
  'task.changed',
  'node.changed',
  'node.removed',
  'service.changed',
  'deployment.changed',
  'plan.changed',
  'job.changed',
  'resync',
  'upstream.status',
])

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
