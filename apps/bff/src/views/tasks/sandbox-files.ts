/** A task sandbox's `files/browse` listing as the task detail shows it: directories first, then by name. Pure. */
import type { SandboxFileView, TaskSandboxView } from '@meridian/api'
import type { MesosFileInfo } from '../../upstreams/mesos/index.ts'

/** Entries of `directory`, named relative to it. */
export function toSandboxFiles(directory: string, entries: MesosFileInfo[]): SandboxFileView[] {
  const base = directory.endsWith('/') ? directory : `${directory}/`
  return entries
    .map((e) => ({
      name: e.path.startsWith(base) ? e.path.slice(base.length) : e.path,
      path: e.path,
      directory: (e.mode ?? '').startsWith('d'),
      size: e.size ?? 0,
      modifiedAt: typeof e.mtime === 'number' ? e.mtime * 1000 : null,
    }))
    .sort((a, b) => Number(b.directory) - Number(a.directory) || a.name.localeCompare(b.name))
}

/** The sandbox part of a task detail when it could not be listed. */
export function sandboxUnavailable(directory: string | null, error: string): TaskSandboxView {
  return { directory, files: [], error }
}
