export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral'

/** A coloured pill with a dot; the text is the state so colour is never the only signal. */
export function StatusBadge({ tone, children, title }: { tone: Tone; children: string; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      <span className="badge-dot" aria-hidden="true" />
      {children}
    </span>
  )
}
