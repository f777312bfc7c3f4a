import { createContext, use, type ReactNode } from 'react'
import type { SessionView } from '@meridian/api'
import { can, type Permission } from './permissions.ts'

const SessionContext = createContext<SessionView | null>(null)

/** Holds the signed-in session for the authenticated part of the app (set by the auth gate). */
export function SessionProvider({ session, children }: { session: SessionView; children: ReactNode }) {
  return <SessionContext value={session}>{children}</SessionContext>
}

export function useSession(): SessionView | null {
  return use(SessionContext)
}

export function useCan(permission: Permission): boolean {
  return can(use(SessionContext)?.user.role, permission)
}
