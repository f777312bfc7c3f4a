/** Human durations: "3s", "4m 10s", "2h 5m", "3d 4h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  const s = Math.floor(ms / 1000)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return s % 60 ? `${m}m ${s % 60}s` : `${m}m`
  const h = Math.floor(m / 60)
  if (h < 24) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`
  const d = Math.floor(h / 24)
  return h % 24 ? `${d}d ${h % 24}h` : `${d}d`
}

/** Age of an ISO timestamp (or epoch ms) relative to `now`, e.g. "5m". */
export function formatAge(at: string | number | undefined, now: number = Date.now()): string {
  if (at === undefined) return '—'
  const t = typeof at === 'number' ? at : Date.parse(at)
  if (Number.isNaN(t)) return '—'
  return formatDuration(Math.max(0, now - t))
}

export function formatTimestamp(at: string | number | undefined): string {
  if (at === undefined) return '—'
  const d = new Date(at)
  return Number.isNaN(d.getTime()) ? '—' : d.toLocaleString()
}
