/**
 * The virtual file system behind the libprocess `files` module (`/files/browse`,
 * `/files/read`, v1 LIST_FILES/READ_FILE). Only attached paths resolve, as in Mesos: an
 * agent attaches every executor sandbox under its real directory, its `runs/latest` alias and
 * the virtual `/frameworks/<fw>/executors/<ex>/runs/latest`, plus `/slave/log`; the master
 * attaches `/master/log`.
 */
import type { MesosMaster } from '../state/master.ts'
import { GeneratedLog } from './generated-log.ts'
import { AGENT_WORK_DIR, findExecutor, sandboxLog, SANDBOX_FILES, type SandboxFileName } from './executor-sandbox.ts'

export type FileNode =
  | { kind: 'dir'; mtimeMs: number; children: () => Array<{ name: string; node: FileNode }> }
  | { kind: 'file'; mtimeMs: number; log: GeneratedLog }

export interface FileTree {
  resolve(path: string): FileNode | undefined
}

/** Splits a request path into segments, ignoring duplicate and trailing slashes. */
function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '')
}

/** The files an agent's `files` module serves. */
export function agentFileTree(master: MesosMaster, agentId: string): FileTree {
  const workPrefix = segments(AGENT_WORK_DIR)
  return {
    resolve(path) {
      const nowMs = master.clock.now()
      const parts = segments(path)
      if (parts.length === 2 && parts[0] === 'slave' && parts[1] === 'log') return { kind: 'file', mtimeMs: nowMs, log: daemonLog(master, `agent ${agentId}`, 'slave.cpp', nowMs) }
      let rest: string[]
      let agent: string | undefined
      if (workPrefix.every((p, i) => parts[i] === p) && parts[workPrefix.length] === 'slaves') {
        agent = parts[workPrefix.length + 1]
        rest = parts.slice(workPrefix.length + 2)
      } else {
        agent = agentId
        rest = parts
      }
      // rest: frameworks/<fw>/executors/<ex>/runs/<containerId|latest>[/<file>]
      if (agent !== agentId || rest.length < 6 || rest.length > 7) return undefined
      const [f, fw, e, ex, r, run, file] = rest
      if (f !== 'frameworks' || e !== 'executors' || r !== 'runs' || !fw || !ex || !run) return undefined
      const sandbox = findExecutor(master, agentId, fw, ex)
      if (!sandbox) return undefined
      const virtual = rest === parts
      if (run !== 'latest' && (virtual || run !== sandbox.containerId)) return undefined
      const fileNode = (name: SandboxFileName): FileNode => {
        const log = sandboxLog(master, sandbox, name, nowMs)
        return { kind: 'file', mtimeMs: log.mtimeMs, log }
      }
      if (file === undefined) {
        const children = SANDBOX_FILES.map((name) => ({ name, node: fileNode(name) }))
        return { kind: 'dir', mtimeMs: Math.max(...children.map((c) => c.node.mtimeMs)), children: () => children }
      }
      return (SANDBOX_FILES as readonly string[]).includes(file) ? fileNode(file as SandboxFileName) : undefined
    },
  }
}

/** The files the master's `files` module serves. */
export function masterFileTree(master: MesosMaster): FileTree {
  return {
    resolve(path) {
      const parts = segments(path)
      if (parts.length !== 2 || parts[0] !== 'master' || parts[1] !== 'log') return undefined
      const nowMs = master.clock.now()
      return { kind: 'file', mtimeMs: nowMs, log: daemonLog(master, `master ${master.id}`, 'master.cpp', nowMs) }
    },
  }
}

/** A daemon's glog file: a start banner, then one allocator line per second of uptime. */
function daemonLog(master: MesosMaster, who: string, source: string, nowMs: number): GeneratedLog {
  const startMs = master.startTime * 1000
  const stamp = (ms: number) => {
    const d = new Date(ms)
    const p2 = (n: number) => String(n).padStart(2, '0')
    return `I${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`
  }
  return new GeneratedLog(
    {
      header: `Log file created at: ${new Date(startMs).toISOString()}\nRunning on machine: ${master.hostname}\n${stamp(startMs)}     1 ${source}:${source === 'master.cpp' ? 420 : 283}] Build: ${who} started\n`,
      lineWidth: 100,
      startMs,
      intervalMs: 1000,
      line: (i, atMs) => `${stamp(atMs)}    17 hierarchical.cpp:1853] Performed allocation in ${String(50 + ((i * 7919) % 900)).padStart(4, ' ')}us (cycle ${i})`,
    },
    nowMs,
  )
}
