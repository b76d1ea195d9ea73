// Login page: e-mail and password; the session lives in an HttpOnly cookie set by the server.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startSession } from '../session.js';
import { check, onSubmit, textField } from '../forms.js';

/** Disables the submit button for the throttle time the server asked for, counting down. */
function waitOut(button, seconds) {
  const label = t('login.submit');
  let left = seconds;
  button.disabled = true;
  const tick = () => {
    if (!button.isConnected) return;
    if (left <= 0) {
      button.disabled = false;
      button.textContent = label;
      return;
    }
    button.textContent = `${label}（${t('login.wait', { s: left })}）`;
    left -= 1;
    window.setTimeout(tick, 1000);
  };
  tick();
}

export async function renderLogin(ctx) {
  ctx.setTitle(t('login.title'));
  const submitButton = h(
    'button',
    { type: 'submit', class: 'button button-primary button-wide' },
    t('login.submit'),
  );
  const form = h(
    'form',
    { class: 'form login-form', 'aria-labelledby': 'login-title' },
    textField({
      name: 'email',
      label: t('login.email'),
      type: 'email',
      required: true,
      autocomplete: 'username',
      attrs: { spellcheck: 'false' },
    }),
    textField({
      name: 'password',
      label: t('login.password'),
      type: 'password',
      required: true,
      autocomplete: 'current-password',
    }),
    h('div', { class: 'form-actions' }, submitButton),
  );
  onSubmit(form, {
    busyLabel: t('login.busy'),
    validate: () => check(form, { email: { required: true }, password: { required: true } }),
    submit: async () => {
      const answer = await api.post('/api/auth/login', {
        email: form.elements.email.value.trim(),
        password: form.elements.password.value,
      });
      startSession(answer);
      await ctx.navigate(ctx.next, { replace: true });
    },
    onError: (error) => {
      // The alert is announced; the cursor goes back to the password to try again.
      if (error.status === 401) {
        form.elements.password.value = '';
        form.elements.password.focus();
      }
      if (error.status === 429 && error.retryAfter)
        window.setTimeout(() => waitOut(submitButton, error.retryAfter), 0);
    },
  });
  ctx.view.append(
    h(
      'div',
      { class: 'login-panel' },
      h('h1', { id: 'login-title', tabindex: '-1' }, t('login.title')),
      h('p', { class: 'lede' }, t('login.intro')),
      form,
    ),
  );
}
