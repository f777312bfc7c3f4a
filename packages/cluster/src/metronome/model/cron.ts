/**
 * Cron handling with Metronome's rules on top of cron-parser: exactly five fields (minute hour
 * day-of-month month day-of-week; Metronome's cron-utils definition has no seconds field and no
 * @nicknames), evaluated in the schedule's IANA time zone.
 */
import { CronExpressionParser, type CronExpression } from 'cron-parser'

const cache = new Map<string, CronExpression | null>()

function parse(cron: string, tz: string, from: number): CronExpression | null {
  const fields = cron.trim().split(/\s+/)
  if (fields.length !== 5 || fields.some((f) => /[hH@]/.test(f))) return null
  try {
    return CronExpressionParser.parse(fields.join(' '), { currentDate: from, tz, strict: false })
  } catch {
    return null
  }
}

/** Whether Metronome's CronSpec reader would accept the expression. */
export function isValidCron(cron: string): boolean {
  const key = cron.trim()
  let hit = cache.get(key)
  if (hit === undefined) {
    hit = parse(key, 'UTC', 0)
    if (cache.size > 1000) cache.clear()
    cache.set(key, hit)
  }
  return hit !== null
}

/** Java's ZoneId.getAvailableZoneIds, approximated by what the ICU build of Node accepts. */
export function isValidTimeZone(tz: string): boolean {
  if (tz === '' || tz !== tz.trim()) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** First cron instant strictly after `afterMs`, in ms since epoch (undefined if none). */
export function nextCronInstant(cron: string, tz: string, afterMs: number): number | undefined {
  const expr = parse(cron, tz, afterMs)
  if (!expr) return undefined
  try {
    const next = expr.next().getTime()
    return next > afterMs ? next : expr.next().getTime()
  } catch {
    return undefined
  }
}
