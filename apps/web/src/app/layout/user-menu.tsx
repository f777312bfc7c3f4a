import { useEffect, useRef, useState } from 'react'
import { useLogout } from '#features/auth/api/logout.ts'
import { useSession } from '#shared/session/session-context.tsx'
import { Icon } from '#shared/ui/icons.tsx'

const ROLE_TEXT = { admin: 'Administrator', operator: 'Operator', viewer: 'Viewer (read-only)' } as const

/** Menu button (WAI-ARIA menu button pattern) with the user, their role and sign out. */
export function UserMenu() {
  const session = useSession()
  const logout = useLogout()
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    return () => document.removeEventListener('mousedown', close)
  }, [open])
  if (!session) return null
  const { uid, role } = session.user
  return (
    <div className="user-menu" ref={ref} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="user-btn" aria-haspopup="menu" aria-expanded={open} aria-label={`User menu for ${uid}`} onClick={() => setOpen((o) => !o)}>
        <span className="avatar" aria-hidden="true">
          {uid.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-text">
          <span>{uid}</span>
          <span className="faint small">{role}</span>
        </span>
      </button>
      {open && (
        <div role="menu" className="menu" aria-label="User">
          <div className="menu-head">
            <strong>{uid}</strong>
            <span className="muted small">{ROLE_TEXT[role]}</span>
          </div>
          <button type="button" role="menuitem" className="menu-item" onClick={() => logout.mutate()}>
            <Icon name="logout" size={15} /> Sign out
          </button>
        </div>
      )}
    </div>
  )
}
