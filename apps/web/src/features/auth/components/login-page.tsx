import { useState, type FormEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { ERROR_TITLES } from '#shared/api/api-error.ts'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { unwrap } from '#shared/api/unwrap.ts'
import { Button } from '#shared/ui/button.tsx'
import { Icon } from '#shared/ui/icons.tsx'
import { useLogin } from '../api/login.ts'

/** Sign-in form. The BFF answers 401 for bad credentials; that shows inline, not as a toast. */
export function LoginPage() {
  const login = useLogin()
  const api = useApiClient()
  // Public, before sign-in: whether this is the embedded demo cluster (its built-in users) or a cluster's IAM.
  const mode = useQuery({ queryKey: ['health'], queryFn: () => unwrap(api.api.health.$get()), staleTime: Infinity }).data?.mode
  const [uid, setUid] = useState('')
  const [password, setPassword] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    login.mutate({ uid, password })
  }
  const err = login.error
  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand">
          <span className="brand-mark">
            <Icon name="logo" size={18} />
          </span>
          Meridian
        </div>
        <div>
          <h1 id="login-title" style={{ fontSize: 20 }}>
            Sign in to your cluster
          </h1>
          <p className="muted" style={{ margin: '4px 0 0' }}>
            {mode === 'demo' ? (
              <>
                Embedded demo cluster: sign in as <strong>admin</strong>, <strong>operator</strong> or <strong>viewer</strong>; the password is the user name.
              </>
            ) : (
              'Use your cluster account.'
            )}
          </p>
        </div>
        {err && (
          <div className="degraded-banner" role="alert" style={{ margin: 0 }}>
            <Icon name="alert" size={16} />
            {err.kind === 'Unauthenticated' ? 'Wrong user name or password.' : `${ERROR_TITLES[err.kind]}: ${err.message}`}
          </div>
        )}
        <label className="field">
          <span className="field-label">User name</span>
          <input className="input" name="uid" autoComplete="username" value={uid} onChange={(e) => setUid(e.target.value)} required autoFocus />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input
            className="input"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <Button type="submit" variant="primary" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </main>
  )
}
