/**
 * The resource model shared by every emulated service: Mesos scalars (cpus, mem, disk, gpus)
 * plus port ranges, with the arithmetic the allocator and the v0/v1 renderers need.
 */
export interface PortRange {
  begin: number
  end: number
}

export interface ScalarResources {
  cpus: number
  mem: number
  disk: number
  gpus: number
}

export interface ResourceBag extends ScalarResources {
  /** Sorted, non-overlapping inclusive ranges. */
  ports: PortRange[]
}

export const SCALAR_NAMES = ['cpus', 'mem', 'disk', 'gpus'] as const

export function emptyBag(): ResourceBag {
  return { cpus: 0, mem: 0, disk: 0, gpus: 0, ports: [] }
}

/** Floating point noise (0.1 + 0.2) must not make a request "not fit". */
const EPSILON = 1e-9

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6
}

export function addBags(a: ResourceBag, b: ResourceBag): ResourceBag {
  return {
    cpus: round(a.cpus + b.cpus),
    mem: round(a.mem + b.mem),
    disk: round(a.disk + b.disk),
    gpus: round(a.gpus + b.gpus),
    ports: mergeRanges([...a.ports, ...b.ports]),
  }
}

/** One scalar of `subtractBags`: never below zero, rounded. */
export function subtractScalar(a: number, b: number): number {
  return round(Math.max(0, a - b))
}

export function subtractBags(a: ResourceBag, b: ResourceBag): ResourceBag {
  return {
    cpus: subtractScalar(a.cpus, b.cpus),
    mem: subtractScalar(a.mem, b.mem),
    disk: subtractScalar(a.disk, b.disk),
    gpus: subtractScalar(a.gpus, b.gpus),
    ports: subtractRanges(a.ports, b.ports),
  }
}

/** The scalar resources in `need` that `have` lacks (names only), in a stable order. */
export function missingScalars(need: ScalarResources, have: ScalarResources): Array<keyof ScalarResources> {
  return SCALAR_NAMES.filter((n) => need[n] > have[n] + EPSILON)
}

export function rangesSize(ranges: readonly PortRange[]): number {
  let n = 0
  for (const r of ranges) n += r.end - r.begin + 1
  return n
}

export function mergeRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((x, y) => x.begin - y.begin)
  const out: PortRange[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r.begin <= last.end + 1) last.end = Math.max(last.end, r.end)
    else out.push({ begin: r.begin, end: r.end })
  }
  return out
}

export function subtractRanges(from: readonly PortRange[], remove: readonly PortRange[]): PortRange[] {
  let current = mergeRanges(from)
  for (const cut of mergeRanges(remove)) {
    const next: PortRange[] = []
    for (const r of current) {
      if (cut.end < r.begin || cut.begin > r.end) next.push(r)
      else {
        if (cut.begin > r.begin) next.push({ begin: r.begin, end: cut.begin - 1 })
        if (cut.end < r.end) next.push({ begin: cut.end + 1, end: r.end })
      }
    }
    current = next
  }
  return current
}

export function portsToRanges(ports: readonly number[]): PortRange[] {
  return mergeRanges(ports.map((p) => ({ begin: p, end: p })))
}

export function rangesContain(ranges: readonly PortRange[], port: number): boolean {
  return ranges.some((r) => port >= r.begin && port <= r.end)
}

/**
 * Picks `count` ports from `available`, lowest first, or the exact `wanted` ports when given.
 * Returns undefined when they are not all available.
 */
export function takePorts(available: readonly PortRange[], count: number, wanted: readonly number[] = []): number[] | undefined {
  const fixed = wanted.filter((p) => p !== 0)
  if (fixed.some((p) => !rangesContain(available, p))) return undefined
  const out = [...fixed]
  let need = count - fixed.length
  for (const r of available) {
    for (let p = r.begin; p <= r.end && need > 0; p++) {
      if (!out.includes(p)) {
        out.push(p)
        need--
      }
    }
    if (need <= 0) break
  }
  return need > 0 ? undefined : out
}

/** Mesos v0 ranges rendering: "[31000-31005, 31010-32000]". */
export function formatRanges(ranges: readonly PortRange[]): string {
  return `[${ranges.map((r) => `${r.begin}-${r.end}`).join(', ')}]`
}

/** Parses "[1-2, 5-9]" (v0) back into ranges; throws on malformed input. */
export function parseRanges(text: string): PortRange[] {
  const body = text.trim().replace(/^\[/, '').replace(/\]$/, '').trim()
  if (body === '') return []
  return body.split(',').map((part) => {
    const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(part)
    if (!m) throw new Error(`malformed range "${part.trim()}"`)
    return { begin: Number(m[1]), end: Number(m[2]) }
  })
}
