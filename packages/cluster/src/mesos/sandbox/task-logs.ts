/**
 * What a task "prints": stderr carries the Mesos command executor's glog lines (as a real
 * sandbox does) and then periodic runtime lines; stdout carries the application's output.
 * Every line is a function of (task id, line number, time), so logs grow with simulated time
 * and are identical on every read.
 */
import type { SimTask } from '../state/types.ts'
import type { GeneratedLogSpec } from './generated-log.ts'
import { fnv1a } from './stable-hash.ts'

export interface TaskLogInput {
  task: SimTask
  executorId: string
  agentId: string
  hostname: string
  containerId: string
  directory: string
  mesosVersion: string
  startMs: number
  endMs?: number
}

const PATHS = ['/', '/health', '/api/items', '/api/orders', '/metrics', '/api/users', '/static/app.js', '/login']
const METHODS = ['GET ', 'GET ', 'GET ', 'POST', 'PUT ']
const STATUSES = [200, 200, 200, 200, 201, 204, 304, 404, 500]
const RUNTIME = ['gc pause', 'heap used', 'open fds ', 'threads  ', 'conn pool']

/** glog prefix: `I1125 12:00:00.512000    41 file.cpp:123] ` */
function glog(level: 'I' | 'W' | 'E', atMs: number, pid: number, where: string): string {
  const d = new Date(atMs)
  const p2 = (n: number) => String(n).padStart(2, '0')
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${time} ${String(pid).padStart(5, ' ')} ${where}] `
}

function commandOf(task: SimTask): string {
  return task.command ?? (task.container?.image ? `docker image ${task.container.image}` : 'sleep 3600')
}

export function taskLogSpecs(input: TaskLogInput): Record<'stdout' | 'stderr', GeneratedLogSpec> {
  const { task, startMs } = input
  const seed = fnv1a(task.id)
  const pid = 1000 + (seed % 30000)
  // Each task has its own cadence (1-5 s per stdout line) so sandboxes do not grow in lockstep.
  const intervalMs = 1000 * (1 + (seed % 5))
  const at = (offsetMs: number) => startMs + offsetMs
  const stderrHeader = [
    `${glog('I', at(12), pid, 'executor.cpp:184')}Version: ${input.mesosVersion}`,
    `${glog('I', at(20), pid, 'executor.cpp:1118')}Received SUBSCRIBED event`,
    `${glog('I', at(21), pid, 'executor.cpp:1122')}Subscribed executor on ${input.hostname}`,
    `${glog('I', at(22), pid, 'executor.cpp:1118')}Received LAUNCH event`,
    `${glog('I', at(25), pid, 'executor.cpp:679')}Starting task ${task.id}`,
    `${glog('I', at(31), pid, 'executor.cpp:712')}Running '/opt/mesosphere/active/mesos/libexec/mesos/mesos-containerizer launch <POSSIBLY-SENSITIVE>'`,
    `${glog('I', at(40), pid, 'executor.cpp:725')}Forked command at ${pid + 7}`,
    '',
  ].join('\n')
  const footer = (state: string): string => {
    const when = input.endMs ?? startMs
    if (state === 'TASK_FINISHED') return `${glog('I', when, pid, 'executor.cpp:938')}Command exited with status 0 (pid: ${pid + 7})\n`
    if (state === 'TASK_FAILED') return `${glog('I', when, pid, 'executor.cpp:938')}Command exited with status 1 (pid: ${pid + 7})\n`
    if (state === 'TASK_KILLED') return `${glog('I', when, pid, 'executor.cpp:938')}Command terminated with signal Terminated (pid: ${pid + 7})\n`
    return `${glog('W', when, pid, 'executor.cpp:1013')}Executor lost contact with the agent (${state})\n`
  }
  const name = task.name.replace(/[^\x20-\x7e]/g, '?').slice(0, 24).padEnd(24, ' ')
  const stdout: GeneratedLogSpec = {
    header: `Marked '/' as rslave\nExecuting: ${commandOf(task)}\n`,
    lineWidth: 120,
    startMs,
    ...(input.endMs !== undefined ? { endMs: input.endMs } : {}),
    intervalMs,
    line(i, atMs) {
      const h = fnv1a(`${task.id}#${i}`)
      const method = METHODS[h % METHODS.length]!
      const path = PATHS[(h >>> 3) % PATHS.length]!.padEnd(15, ' ')
      const status = STATUSES[(h >>> 7) % STATUSES.length]!
      const ms = String(1 + ((h >>> 11) % 900)).padStart(4, ' ')
      return `${new Date(atMs).toISOString()} INFO  [${name}] ${method} ${path} ${status} ${ms}ms req=${(h >>> 0).toString(16).padStart(8, '0')} seq=${String(i).padStart(8, '0')}`
    },
  }
  const stderr: GeneratedLogSpec = {
    header: stderrHeader,
    lineWidth: 96,
    startMs: at(40),
    ...(input.endMs !== undefined ? { endMs: input.endMs } : {}),
    // Runtime noise on stderr is sparser than the application's stdout.
    intervalMs: intervalMs * 6,
    line(i, atMs) {
      const h = fnv1a(`${task.id}!${i}`)
      const what = RUNTIME[h % RUNTIME.length]!
      return `${glog('I', atMs, pid + 7, 'runtime.go:88')}${what} ${String(h % 100000).padStart(6, ' ')} sample=${String(i).padStart(8, '0')}`
    },
    footer: footer(task.state),
  }
  return { stdout, stderr }
}
