/** Resource arithmetic over Mesos wire shapes (v0 summaries and v1 Resource arrays). */
import type { ResourceAmounts } from '@meridian/api'
import type { MesosResourceSummary, V1Resource } from '../../upstreams/mesos/index.ts'

/** Zero of every scalar the console shows. */
export function emptyAmounts(): ResourceAmounts {
  return { cpus: 0, mem: 0, disk: 0, gpus: 0 }
}

/** Reads cpus/mem/disk/gpus from a v0 summary (missing = 0, as Mesos defaults them). */
export function amountsFromSummary(s: MesosResourceSummary | undefined): ResourceAmounts {
  return { cpus: num(s?.cpus), mem: num(s?.mem), disk: num(s?.disk), gpus: num(s?.gpus) }
}

/** Sums the scalar resources of a v1 Resource array. */
export function amountsFromV1(resources: V1Resource[] | undefined): ResourceAmounts {
  const out = emptyAmounts()
  for (const r of resources ?? []) {
    if (r.name === 'cpus' || r.name === 'mem' || r.name === 'disk' || r.name === 'gpus') out[r.name] += num(r.scalar?.value)
  }
  return roundAmounts(out)
}

/** a += b, in place. */
export function addAmounts(a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts {
  a.cpus += b.cpus
  a.mem += b.mem
  a.disk += b.disk
  a.gpus += b.gpus
  return a
}

/** Float sums of cpus drift (0.1 + 0.2); round to what Mesos can express (3 decimals). */
export function roundAmounts(a: ResourceAmounts): ResourceAmounts {
  const r = (n: number) => Math.round(n * 1000) / 1000
  return { cpus: r(a.cpus), mem: r(a.mem), disk: r(a.disk), gpus: r(a.gpus) }
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}
