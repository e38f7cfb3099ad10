/**
 * Joining a team: the server's address, the team, the analyst's user name and password, exactly
 * as `readout team setup` printed them. The page only hands them to main (`team:join`), which
 * checks them, signs in once and keeps the password out of the page; a refusal comes back as a
 * sentence shown under the form, with what was typed left in place.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Result } from '../../../src-main/contract/result';

export interface JoinDetailsForm {
  serverUrl: string;
  teamId: string;
  username: string;
  password: string;
}

/** The first thing wrong with the form, as the analyst would fix it; null when it may be sent. */
export function formProblem(form: JoinDetailsForm): string | null {
  let url: URL | null = null;
  try {
    url = new URL(form.serverUrl.trim());
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return 'The server is an address such as https://couch.example.org:6984.';
  }
  if (!/^[a-z][a-z0-9-]{0,47}$/.test(form.teamId.trim())) {
    return 'The team is lower-case letters, digits and dashes, as it was given to you.';
  }
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(form.username.trim())) {
    return 'The user name is lower-case letters, digits, dots, dashes and underscores.';
  }
  if (form.password.length === 0) return 'Type the password you were given.';
  return null;
}

export function JoinForm(props: {
  onJoin: (form: JoinDetailsForm) => Promise<Result<unknown>>;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<JoinDetailsForm>({
    serverUrl: '',
    teamId: '',
    username: '',
    password: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = formProblem(form);
    if (local) {
      setProblem(local);
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await props.onJoin({
      serverUrl: form.serverUrl.trim(),
      teamId: form.teamId.trim(),
      username: form.username.trim(),
      password: form.password,
    });
    setBusy(false);
    if (!result.ok) setProblem(result.error.message);
  };

  const field = (name: keyof JoinDetailsForm, label: string, extra: object = {}) => (
    <label>
      <span>{label}</span>
      <input
        name={name}
        value={form[name]}
        disabled={busy}
        aria-describedby={problem ? errorId : undefined}
        onChange={event => setForm({ ...form, [name]: event.target.value })}
        {...extra}
      />
    </label>
  );

  return (
    <form
      className="join-form"
      aria-label="Join a team"
      noValidate
      onSubmit={event => void submit(event)}
    >
      {field('serverUrl', 'Server', {
        type: 'url',
        placeholder: 'https://couch.example.org:6984',
        autoFocus: true,
        spellCheck: false,
      })}
      {field('teamId', 'Team', { spellCheck: false, autoCapitalize: 'off' })}
      {field('username', 'User name', { autoComplete: 'username', autoCapitalize: 'off' })}
      {field('password', 'Password', { type: 'password', autoComplete: 'current-password' })}
      {problem && (
        <p id={errorId} className="team-error" role="alert">
          {problem}
        </p>
      )}
      <div className="join-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Joining…' : 'Join'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
