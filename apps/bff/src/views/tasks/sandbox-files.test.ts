import { describe, expect, it } from 'vitest'
import { toSandboxFiles } from './sandbox-files.ts'

describe('toSandboxFiles', () => {
  it('names entries relative to the sandbox, directories first, mtime in ms', () => {
    const dir = '/var/lib/mesos/slave/slaves/S1/frameworks/F/executors/E/runs/C'
    const files = toSandboxFiles(dir, [
      { path: `${dir}/stdout`, size: 120, mtime: 1764072012, mode: '-rw-r--r--' },
      { path: `${dir}/stderr`, size: 40, mtime: 1764072010, mode: '-rw-r--r--' },
      { path: `${dir}/data`, size: 4096, mtime: 1764072000, mode: 'drwxr-xr-x' },
    ])
    expect(files.map((f) => [f.name, f.directory])).toEqual([
      ['data', true],
      ['stderr', false],
      ['stdout', false],
    ])
    expect(files[2]).toMatchObject({ path: `${dir}/stdout`, size: 120, modifiedAt: 1764072012000 })
  })
})
