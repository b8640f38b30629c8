/**
 * Sign-in when the server requires a token (`/api/me` says so): the token is
 * kept in localStorage and sent as a bearer token with every request.
 */
import { api, setToken } from '../api.js';
import type { Me } from '../api-types.js';
import { byId, el, replaceChildren } from '../dom.js';

/** Shows who is signed in, or a sign-in form when one is needed. */
export async function setUpSignIn(): Promise<Me | undefined> {
  const slot = byId('me');
  let me: Me;
  try {
    me = await api.me();
  } catch {
    replaceChildren(slot);
    return undefined;
  }
  if (me.name) {
    const out = el('button', { type: 'button', class: 'link' }, 'Sign out');
    out.addEventListener('click', () => {
      setToken(null);
      location.reload();
    });
    // Only a token can be signed out of; the local user of a loopback server is who they are.
    replaceChildren(slot, el('span', { title: me.role ?? '' }, `Signed in as ${me.name}`), ' ', me.local ? null : out);
    return me;
  }
  if (!me.authRequired) {
    replaceChildren(slot);
    return me;
  }
  const token = el('input', { id: 'token', type: 'password', autocomplete: 'current-password', required: true }) as HTMLInputElement;
  const form = el(
    'form',
    { class: 'sign-in', 'aria-label': 'Sign in' },
    el('label', { for: 'token' }, 'Access token'),
    token,
    el('button', { type: 'submit' }, 'Sign in'),
  );
  const problem = el('span', { class: 'error-text', role: 'alert' });
  form.append(problem);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void api
      .login(token.value.trim())
      .then(() => {
        setToken(token.value.trim());
        location.reload();
      })
      .catch(() => {
        problem.textContent = 'That token is not known.';
      });
  });
  replaceChildren(slot, form);
  return me;
}
