/**
 * The `files` endpoints over a FileTree, matching src/files/files.cpp:
 * - browse: 400 `Expecting 'path=value' in query.` without a path, 404 (empty body) for an
 *   unattached path, a sorted JSON array of file infos; browsing a file lists just that file.
 * - read: offset -1 or absent is the pailer's size probe (`{data: "", offset: <size>}`);
 *   length -1 or absent reads to EOF; reads are capped at 16 pages (64 KiB); an offset past
 *   EOF answers empty data at offset = size; offsets/lengths below -1 and non-numbers are 400;
 *   reading a directory is 400 `Cannot read a directory.`.
 */
import type { FileNode, FileTree } from './file-tree.ts'

export const MAX_READ_BYTES = 16 * 4096

export type FilesResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 404; message: string }

const FILE_MODE = 0o100644
const DIR_MODE = 0o40755

interface Info {
  path: string
  node: FileNode
}

function listing(path: string, node: FileNode): Info[] {
  if (node.kind === 'file') return [{ path, node }]
  const base = path.endsWith('/') ? path.slice(0, -1) : path
  return node
    .children()
    .map((c) => ({ path: `${base}/${c.name}`, node: c.node }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

function v0Info({ path, node }: Info) {
  const isDir = node.kind === 'dir'
  return {
    path,
    nlink: isDir ? 2 : 1,
    size: isDir ? 4096 : node.log.size,
    // st_mtime: whole seconds
    mtime: Math.floor(node.mtimeMs / 1000),
    mode: isDir ? 'drwxr-xr-x' : '-rw-r--r--',
    uid: 'root',
    gid: 'root',
  }
}

function v1Info({ path, node }: Info) {
  const isDir = node.kind === 'dir'
  return {
    path,
    nlink: isDir ? 2 : 1,
    size: isDir ? 4096 : node.log.size,
    mtime: { nanoseconds: Math.floor(node.mtimeMs / 1000) * 1e9 },
    mode: isDir ? DIR_MODE : FILE_MODE,
    uid: 'root',
    gid: 'root',
  }
}

/** GET /files/browse */
export function browseV0(tree: FileTree, path: string | undefined): FilesResult {
  if (path === undefined || path === '') return { ok: false, status: 400, message: "Expecting 'path=value' in query.\n" }
  const node = tree.resolve(path)
  if (!node) return { ok: false, status: 404, message: '' }
  return { ok: true, value: listing(path, node).map(v0Info) }
}

/** v1 LIST_FILES */
export function listFilesV1(tree: FileTree, path: string): FilesResult {
  const node = tree.resolve(path)
  if (!node) return { ok: false, status: 404, message: `Failed to find '${path}'` }
  return { ok: true, value: { file_infos: listing(path, node).map(v1Info) } }
}

/** numify<off_t>: a plain decimal integer, else the stout error text. */
function parseInteger(text: string): number | undefined {
  return /^\s*[+-]?\d+\s*$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined
}

/** GET /files/read */
export function readV0(tree: FileTree, query: { path?: string; offset?: string; length?: string }): FilesResult {
  const { path } = query
  if (path === undefined || path === '') return { ok: false, status: 400, message: "Expecting 'path=value' in query.\n" }
  let offset = -1
  if (query.offset !== undefined) {
    const n = parseInteger(query.offset)
    if (n === undefined) return { ok: false, status: 400, message: `Failed to parse offset: Failed to convert '${query.offset}' to number.\n` }
    if (n < -1) return { ok: false, status: 400, message: `Negative offset provided: ${n}.\n` }
    offset = n
  }
  let length: number | undefined
  if (query.length !== undefined) {
    const n = parseInteger(query.length)
    if (n === undefined) return { ok: false, status: 400, message: `Failed to parse length: Failed to convert '${query.length}' to number.\n` }
    // The webui pailer sends length=-1 to mean "to the end"; anything lower is an error.
    if (n < -1) return { ok: false, status: 400, message: `Negative length provided: ${n}.\n` }
    if (n > -1) length = n
  }
  const node = tree.resolve(path)
  if (!node) return { ok: false, status: 404, message: '' }
  if (node.kind === 'dir') return { ok: false, status: 400, message: 'Cannot read a directory.\n' }
  const size = node.log.size
  if (offset === -1) return { ok: true, value: { data: '', offset: size } }
  if (offset >= size) return { ok: true, value: { data: '', offset: size } }
  const want = Math.min(length ?? size - offset, MAX_READ_BYTES)
  return { ok: true, value: { data: node.log.read(offset, want).toString('utf8'), offset } }
}

/** v1 READ_FILE: `{size, data (base64)}`. */
export function readFileV1(tree: FileTree, call: { path: string; offset: number; length?: number }): FilesResult {
  const node = tree.resolve(call.path)
  if (!node) return { ok: false, status: 404, message: `Failed to find '${call.path}'` }
  if (node.kind === 'dir') return { ok: false, status: 400, message: 'Cannot read a directory' }
  const size = node.log.size
  const want = Math.min(call.length ?? Math.max(0, size - call.offset), MAX_READ_BYTES)
  const data = call.offset >= size ? Buffer.alloc(0) : node.log.read(call.offset, want)
  return { ok: true, value: { size, data: data.toString('base64') } }
}
