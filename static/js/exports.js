// Download buttons on the facilitator page (templates/_exports.html). Each file is fetched
// with the facilitator's token as a Bearer header, never in a URL, and saved as a blob.

import { byTestId, setText, store } from './page.js';

const section = byTestId('exports');
const workshopId = section.dataset.workshopId;
const text = JSON.parse(document.getElementById('export-strings').textContent);
const error = byTestId('export-error');
const noNames = byTestId('export-no-names');

/** The token facilitator.js keeps for this workshop. */
function token() {
  return store.get(`mk:facilitator:${workshopId}`);
}

/** GET an API path of this workshop with the token, and names=0 while "Zonder namen" is ticked. */
function authorised(path, query = {}) {
  const params = new URLSearchParams(query);
  if (noNames.checked) params.set('names', '0');
  const search = params.toString() ? `?${params}` : '';
  return fetch(`/api/workshops/${encodeURIComponent(workshopId)}/${path}${search}`, {
    headers: { Authorization: `Bearer ${token()}` }, cache: 'no-store',
  });
}

/** The name the server gave the file, from Content-Disposition. */
function filenameOf(response, fallback) {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
  return match ? match[1] : fallback;
}

async function download(button) {
  const format = button.dataset.export;
  const label = button.textContent;
  setText(error, '');
  button.disabled = true;
  button.textContent = text.busy;
  try {
    const response = await authorised('export', { format });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      setText(error, body.message || text.failed);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = filenameOf(response, `mentorkompas.${format}`);
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch {
    setText(error, text.failed);
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

async function openSummary() {
  setText(error, '');
  // opened before the request, so no popup blocker sees a window opened "by script"
  const tab = window.open('', '_blank');
  try {
    const response = await authorised('summary-link');
    const body = await response.json();
    if (!response.ok) throw new Error(body.message);
    if (tab) tab.location.href = body.url;
    else window.location.href = body.url;
  } catch (problem) {
    if (tab) tab.close();
    setText(error, problem.message || text.failed);
  }
}

// The token is read at each click: on the first visit facilitator.js stores it from the link
// only after this module ran (module scripts run in document order).
function withToken(action) {
  return (event) => {
    if (!token()) {
      setText(error, text.no_token);
      return;
    }
    action(event);
  };
}

section.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-export]');
  if (button) withToken(() => download(button))();
});
byTestId('open-summary').addEventListener('click', withToken(openSummary));
byTestId('compare-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const other = byTestId('compare-with').value.trim();
  if (other) window.location.href = `/w/${encodeURIComponent(workshopId)}/compare/${encodeURIComponent(other)}`;
});
