/**
 * Child processes of a bench run (the cluster and the BFF, each its own Node process) and what
 * Linux reports about them: resident memory (VmRSS in /proc/<pid>/status) and CPU time
 * (utime + stime in /proc/<pid>/stat, in clock ticks).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { createWriteStream, readFileSync } from 'node:fs'
import { createServer } from 'node:net'

export interface Child {
  proc: ChildProcess
  pid: number
  /** last lines of stdout + stderr, for error messages */
  tail(): string
  stop(): Promise<void>
}

/** Spawns a child; its whole stdout + stderr also go to `logFile` when given (timestamped per chunk). */
export function startChild(name: string, command: string, args: string[], env: Record<string, string>, cwd: string, logFile?: string): Child {
  const proc = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  const log = logFile ? createWriteStream(logFile) : undefined
  if (log) proc.once('exit', () => log.end())
  const keep = (chunk: Buffer) => {
    log?.write(chunk)
    for (const l of chunk.toString('utf8').split('\n')) if (l.trim() !== '') lines.push(`[${name}] ${l}`)
    lines.splice(0, Math.max(0, lines.length - 40))
  }
  proc.stdout!.on('data', keep)
  proc.stderr!.on('data', keep)
  if (proc.pid === undefined) throw new Error(`${name}: could not spawn ${command}`)
  return {
    proc,
    pid: proc.pid,
    tail: () => lines.join('\n'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve()
        const force = setTimeout(() => proc.kill('SIGKILL'), 5000)
        proc.once('exit', () => {
          clearTimeout(force)
          resolve()
        })
        proc.kill('SIGTERM')
      }),
  }
}

/** Resolves with the first stdout line `match` accepts; rejects on exit or timeout. */
export function waitForLine<T>(child: Child, match: (line: string) => T | undefined, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    let buf = ''
    const done = (fn: () => void) => {
      clearTimeout(timer)
      child.proc.stdout!.off('data', onData)
      child.proc.off('exit', onExit)
      fn()
    }
    const onData = (chunk: Buffer) => {
      buf += chunk.toString('utf8')
      let nl: number
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl)
        buf = buf.slice(nl + 1)
        const v = match(line)
        if (v !== undefined) return done(() => resolve(v))
      }
    }
    const onExit = (code: number | null) => done(() => reject(new Error(`process exited (${code}) before it was ready:\n${child.tail()}`)))
    const timer = setTimeout(() => done(() => reject(new Error(`not ready within ${timeoutMs} ms:\n${child.tail()}`))), timeoutMs)
    child.proc.stdout!.on('data', onData)
    child.proc.once('exit', onExit)
  })
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })
}

/** VmRSS of a process, MB (10^6 bytes). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!m) throw new Error(`no VmRSS for pid ${pid}`)
  return (Number(m[1]) * 1024) / 1e6
}

let clockTicks: number | undefined
/** utime + stime of a process, ms. */
export function cpuMs(pid: number): number {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the parenthesised command name (which may contain spaces): state is field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return ((utime + stime) * 1000) / clockTicks
}
