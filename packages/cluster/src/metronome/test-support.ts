/** Integration-test helpers: an empty manual-clock cluster and a tiny Metronome HTTP client. */
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'

export interface MetronomeTestCluster extends ServedCluster {
  /** http://127.0.0.1:<port>/service/metronome */
  metronome: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect wire JSON freely
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>
  /** Advances simulated time; timers (including ones armed on the way) fire in order. */
  advance(ms: number): void
}

export async function startMetronomeCluster(opts: { empty?: boolean; agents?: number } = {}): Promise<MetronomeTestCluster> {
  const served = await serveCluster({ empty: opts.empty ?? true, agents: opts.agents ?? 3 })
  const metronome = `${served.baseUrl}/service/metronome`
  return {
    ...served,
    metronome,
    async call(method, path, body) {
      const res = await fetch(`${metronome}${path}`, {
        method,
        redirect: 'manual',
        ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
      })
      const text = await res.text()
      let parsed: unknown = text
      try {
        parsed = text === '' ? undefined : JSON.parse(text)
      } catch {
        // plain-text bodies (e.g. /ping) stay strings
      }
      return { status: res.status, body: parsed, headers: res.headers }
    },
    advance(ms) {
      served.cluster.clock.advance(ms)
    },
  }
}

/** A minimal valid JobSpec. */
export function jobBody(id: string, extra: { labels?: Record<string, string>; run?: Record<string, unknown> } = {}): Record<string, unknown> {
  return { id, labels: extra.labels ?? {}, run: { cpus: 0.1, mem: 64, disk: 0, cmd: 'echo hello', ...(extra.run ?? {}) } }
}
