/**
 * Resource formatting. Mesos reports `mem` and `disk` in MiB (megabytes in Mesos' docs, but
 * binary), `cpus` as fractional cores and `gpus` as whole devices.
 */
const UNITS = ['MiB', 'GiB', 'TiB', 'PiB'] as const

export function formatMiB(mib: number): string {
  if (!Number.isFinite(mib)) return '—'
  let v = mib
  let i = 0
  while (Math.abs(v) >= 1024 && i < UNITS.length - 1) {
    v /= 1024
    i++
  }
  const digits = v >= 100 || Number.isInteger(v) ? 0 : 1
  return `${v.toFixed(digits)} ${UNITS[i]}`
}

export function formatCpus(cpus: number): string {
  if (!Number.isFinite(cpus)) return '—'
  return Number.isInteger(cpus) ? String(cpus) : cpus.toFixed(cpus < 10 ? 2 : 1).replace(/\.?0+$/, '')
}

export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—'
  const p = ratio * 100
  return `${p > 0 && p < 1 ? '<1' : Math.round(p)}%`
}

/** used/total as a ratio; a zero total is 0, not NaN, so empty resources render as empty bars. */
export function ratio(used: number, total: number): number {
  return total > 0 ? Math.min(1, Math.max(0, used / total)) : 0
}

export type ResourceKind = 'cpus' | 'mem' | 'disk' | 'gpus'

export function formatResource(kind: ResourceKind, value: number): string {
  return kind === 'mem' || kind === 'disk' ? formatMiB(value) : formatCpus(value)
}

export const RESOURCE_LABELS: Record<ResourceKind, string> = { cpus: 'CPU', mem: 'Memory', disk: 'Disk', gpus: 'GPU' }
