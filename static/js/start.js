// Start page: create a workshop through the JSON API, then open its facilitator page.

import { byTestId, setText, strings } from './page.js';

const text = strings();
const form = byTestId('create-form');
const error = byTestId('create-error');
const button = byTestId('create');

function settings() {
  const data = new FormData(form);
  const team = String(data.get('team') || '').trim();
  return {
    title: String(data.get('title') || '').trim(),
    ...(team ? { team } : {}),
    values_per_person: Number(data.get('values_per_person')),
    group_size: Number(data.get('group_size')),
    anonymous: data.get('anonymous') === 'true',
    learn: data.get('learn') === 'on',
  };
}

async function create(event) {
  event.preventDefault();
  const body = settings();
  if (!body.title) {
    setText(error, text.title_missing);
    byTestId('title').focus();
    return;
  }
  setText(error, '');
  const label = button.textContent;
  button.disabled = true;
  button.textContent = text.busy;
  try {
    const response = await fetch('/api/workshops', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok && answer.facilitator_url) {
      window.location.assign(answer.facilitator_url);
      return;
    }
    setText(error, answer.message || text.network);
  } catch {
    setText(error, text.network);
  }
  button.disabled = false;
  button.textContent = label;
}

form.addEventListener('submit', create);
