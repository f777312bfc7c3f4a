/** A labelled input with its help line, which turns into the error line when there is an error. */
export function TextField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  disabled,
  error,
  help,
  live = false,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  type?: string
  disabled?: boolean
  error?: string | undefined
  help?: string | undefined
  /** announce help/error changes (e.g. a preview that follows typing) */
  live?: boolean
}) {
  const helpId = `${id}-help`
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type={type}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={helpId}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={helpId} className={error ? 'field-error' : 'field-help'} aria-live={live ? 'polite' : undefined}>
        {error ?? help}
      </span>
    </div>
  )
}
