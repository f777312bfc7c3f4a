/**
 * Metronome schedules are 5-field cron expressions (minute hour day-of-month month day-of-week;
 * Metronome's ScheduleSpec rejects seconds). cronstrue gives the human reading; the field check
 * here catches what Metronome would answer 422 for before the request is sent.
 */
import cronstrue from 'cronstrue'

const RANGES: Array<[string, number, number]> = [
  ['minute', 0, 59],
  ['hour', 0, 23],
  ['day of month', 1, 31],
  ['month', 1, 12],
  ['day of week', 0, 7],
]

const NAMES: Record<number, Record<string, number>> = {
  3: Object.fromEntries(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1])),
  4: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d, i) => [d, i])),
}

function checkAtom(atom: string, i: number): boolean {
  const [, lo, hi] = RANGES[i]!
  const num = (s: string) => NAMES[i]?.[s.toLowerCase()] ?? (/^\d+$/.test(s) ? Number(s) : NaN)
  const [base, step] = atom.split('/')
  if (step !== undefined && !/^\d+$/.test(step)) return false
  if (base === '*') return true
  const [a, b] = (base ?? '').split('-')
  const x = num(a ?? '')
  if (Number.isNaN(x) || x < lo || x > hi) return false
  if (b === undefined) return true
  const y = num(b)
  return !Number.isNaN(y) && y >= x && y <= hi
}

export type CronCheck = { ok: true; description: string } | { ok: false; error: string }

export function describeCron(expr: string): CronCheck {
  const fields = expr.trim().split(/\s+/)
  if (fields.length !== 5) return { ok: false, error: `Expected 5 fields (minute hour day month weekday), got ${fields[0] === '' ? 0 : fields.length}` }
  for (let i = 0; i < 5; i++) {
    if (!fields[i]!.split(',').every((a) => checkAtom(a, i))) return { ok: false, error: `Invalid ${RANGES[i]![0]} field "${fields[i]}"` }
  }
  try {
    return { ok: true, description: cronstrue.toString(expr, { use24HourTimeFormat: true, verbose: true }) }
  } catch (e) {
    return { ok: false, error: String(e) }
  }
}
