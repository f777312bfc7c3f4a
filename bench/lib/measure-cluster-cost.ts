/**
 * The embedded cluster's own cost: CPU time of the cluster process over a quiet window divided
 * by the simulated seconds that passed (read from `/api/demo/state`). The BFF stays attached
 * (SUBSCRIBE, Marathon events), as in a served demo.
 */
import { cpuMs } from './processes.ts'
import { round } from './stats.ts'

const virtualTime = async (clusterUrl: string): Promise<number> => ((await (await fetch(`${clusterUrl}/api/demo/state`)).json()) as { virtualTime: number }).virtualTime

export async function measureClusterCost(clusterUrl: string, pid: number, windowMs: number): Promise<{ cpuMs: number; simulatedSeconds: number; cpuMsPerSimulatedSecond: number }> {
  const v0 = await virtualTime(clusterUrl)
  const c0 = cpuMs(pid)
  await new Promise((r) => setTimeout(r, windowMs))
  const c1 = cpuMs(pid)
  const v1 = await virtualTime(clusterUrl)
  const simulatedSeconds = (v1 - v0) / 1000
  return { cpuMs: round(c1 - c0, 0), simulatedSeconds: round(simulatedSeconds, 1), cpuMsPerSimulatedSecond: round((c1 - c0) / simulatedSeconds, 1) }
}
