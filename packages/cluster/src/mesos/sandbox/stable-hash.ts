/**
 * Deterministic hashing for values that must be stable across requests without being stored
 * (container ids, log cadence, log line content).
 */

/** 32-bit FNV-1a of `text`, salted. */
export function fnv1a(text: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** A UUID-shaped (v4 layout) id derived from `text`, the form Mesos container ids take. */
export function stableUuid(text: string): string {
  // Four differently salted FNV-1a lanes in one pass over the text.
  let a = 0x811c9dc5
  let b = (0x811c9dc5 ^ 0x9e3779b1) >>> 0
  let c = (0x811c9dc5 ^ 0x3c6ef362) >>> 0
  let d = (0x811c9dc5 ^ 0xdaa66d13) >>> 0
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    a = Math.imul(a ^ ch, 0x01000193)
    b = Math.imul(b ^ ch, 0x01000193)
    c = Math.imul(c ^ ch, 0x01000193)
    d = Math.imul(d ^ ch, 0x01000193)
  }
  const hex = [a, b, c, d].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
