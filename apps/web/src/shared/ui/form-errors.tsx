/**
 * A form's problems that no field shows beside itself: the server's message (a 409 "already
 * exists", a Marathon refusal without per-field details) and errors for paths no visible field
 * covers (e.g. every field error while the editor shows raw JSON).
 */
export function FormErrors({ message, errors = {}, shown = () => false }: { message?: string | null | undefined; errors?: Record<string, string>; shown?: (path: string) => boolean }) {
  const rest = Object.entries(errors).filter(([path]) => !shown(path))
  if (!message && rest.length === 0) return null
  return (
    <div className="field-error form-errors" role="alert">
      {message && <p>{message}</p>}
      {rest.length > 0 && (
        <ul>
          {rest.map(([path, error]) => (
            <li key={path}>
              <code>{path || '/'}</code>: {error}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
