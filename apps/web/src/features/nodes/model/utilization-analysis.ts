/**
 * What an admin asks of cluster capacity: who consumes most, how much is free, and how much of
 * the free capacity is stranded in slivers too small for a typical task (fragmentation).
 * Only `active` agents count as schedulable: deactivated/draining agents get no offers in Mesos.
 */
import type { NodeView, ResourceAmounts } from '@meridian/api'
import { ratio } from '#shared/format/resources.ts'

export interface TaskShape {
  cpus: number
  mem: number
}

export interface TopConsumer {
  node: NodeView
  /** max of cpu and mem allocation ratio: the binding dimension */
  pressure: number
}

export interface UtilizationAnalysis {
  allocated: ResourceAmounts
  total: ResourceAmounts
  free: ResourceAmounts
  schedulableNodes: number
  /** typical tasks that still fit, summing whole tasks per node */
  fitsTypical: number
  /** nodes with free resources that cannot host one typical task */
  fragmentedNodes: number
  /** free cpus/mem sitting on those nodes */
  stranded: { cpus: number; mem: number }
  /** share of free cpus that is stranded (0..1) */
  fragmentation: number
  top: TopConsumer[]
}

const ZERO: ResourceAmounts = { cpus: 0, mem: 0, disk: 0, gpus: 0 }

function add(a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts {
  return { cpus: a.cpus + b.cpus, mem: a.mem + b.mem, disk: a.disk + b.disk, gpus: a.gpus + b.gpus }
}

export function analyzeUtilization(nodes: readonly NodeView[], shape: TaskShape, topN = 5): UtilizationAnalysis {
  let allocated = ZERO
  let total = ZERO
  let fits = 0
  let fragmentedNodes = 0
  let schedulableNodes = 0
  const stranded = { cpus: 0, mem: 0 }
  let freeCpus = 0
  const pressures: TopConsumer[] = []
  for (const n of nodes) {
    if (n.health === 'gone') continue
    allocated = add(allocated, n.allocated)
    total = add(total, n.total)
    pressures.push({ node: n, pressure: Math.max(ratio(n.allocated.cpus, n.total.cpus), ratio(n.allocated.mem, n.total.mem)) })
    if (n.health !== 'active') continue
    schedulableNodes++
    const fc = Math.max(0, n.total.cpus - n.allocated.cpus)
    const fm = Math.max(0, n.total.mem - n.allocated.mem)
    freeCpus += fc
    const k = shape.cpus > 0 && shape.mem > 0 ? Math.min(Math.floor(fc / shape.cpus + 1e-9), Math.floor(fm / shape.mem + 1e-9)) : 0
    fits += k
    if (k === 0 && (fc > 0 || fm > 0)) {
      fragmentedNodes++
      stranded.cpus += fc
      stranded.mem += fm
    }
  }
  pressures.sort((a, b) => b.pressure - a.pressure || a.node.hostname.localeCompare(b.node.hostname))
  const free = {
    cpus: Math.max(0, total.cpus - allocated.cpus),
    mem: Math.max(0, total.mem - allocated.mem),
    disk: Math.max(0, total.disk - allocated.disk),
    gpus: Math.max(0, total.gpus - allocated.gpus),
  }
  return {
    allocated,
    total,
    free,
    schedulableNodes,
    fitsTypical: fits,
    fragmentedNodes,
    stranded,
    fragmentation: freeCpus > 0 ? stranded.cpus / freeCpus : 0,
    top: pressures.slice(0, topN),
  }
}
