/**
 * Progressive enhancement for the halls: results follow typing and facet changes without a page load.
 * Without JavaScript the same forms submit normally. The script fetches the very page the form would
 * load and swaps the results and facets in place, so there is one renderer.
 */
export const HALL_JS = `(() => {
  const search = document.querySelector('form.search');
  const facets = document.querySelector('aside.facets form');
  const results = document.querySelector('section[aria-live]');
  if (!search || !facets || !results) return;
  let timer = 0;
  let seq = 0;
  async function refresh(params) {
    const mine = ++seq;
    const url = location.pathname + '?' + params.toString();
    const res = await fetch(url, { headers: { accept: 'text/html' } });
    if (!res.ok || mine !== seq) return;
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const nextResults = doc.querySelector('section[aria-live]');
    const nextFacets = doc.querySelector('aside.facets form');
    if (nextResults) results.innerHTML = nextResults.innerHTML;
    if (nextFacets) facets.innerHTML = nextFacets.innerHTML;
    history.replaceState(null, '', url);
  }
  function params() {
    const p = new URLSearchParams(new FormData(facets));
    p.set('q', search.querySelector('input[name=q]').value);
    for (const [k, v] of [...p]) if (!v) p.delete(k);
    return p;
  }
  search.querySelector('input[name=q]').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => refresh(params()), 250);
  });
  facets.addEventListener('change', () => refresh(params()));
  search.addEventListener('submit', (e) => { e.preventDefault(); refresh(params()); });
  facets.addEventListener('submit', (e) => { e.preventDefault(); refresh(params()); });
})();`;

/**
 * Uploads on the files panels (web/pages/files.ts): ask the page for a ticket, send the bytes straight to
 * storage with a progress bar, confirm, then reload the page so the file shows in its list. Any refusal
 * (type, size, expiry, permission) is shown under the form in the page's language.
 */
export const FILES_JS = `(() => {
  const zh = document.documentElement.lang.startsWith('zh');
  const TYPES = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  const say = (p) => (p && (zh ? (p.errors && p.errors[0] ? p.errors[0].messageZh : p.titleZh) : (p.errors && p.errors[0] ? p.errors[0].message : p.title))) || (zh ? '上传失败，请重试。' : 'The upload failed; try again.');
  for (const form of document.querySelectorAll('form[data-upload]')) {
    if (form.dataset.bound) continue;
    form.dataset.bound = '1';
    const base = form.getAttribute('data-upload');
    const bar = form.querySelector('progress');
    const alert = form.querySelector('[role=alert]');
    const button = form.querySelector('button[type=submit]');
    const fail = (text) => { alert.textContent = text; alert.hidden = false; bar.hidden = true; button.disabled = false; };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      alert.hidden = true;
      const file = form.querySelector('input[type=file]').files[0];
      if (!file) return fail(zh ? '请选择文件。' : 'Choose a file.');
      const ext = (file.name.split('.').pop() || '').toLowerCase();
      const fields = new URLSearchParams({ _csrf: form.querySelector('input[name=_csrf]').value, kind: form.querySelector('[name=kind]').value, fileName: file.name, contentType: file.type || TYPES[ext] || 'application/octet-stream', sizeBytes: String(file.size) });
      const visibility = form.querySelector('[name=visibility]');
      if (visibility) fields.set('visibility', visibility.value);
      button.disabled = true;
      const asked = await fetch(base + '/uploads', { method: 'POST', body: fields, headers: { accept: 'application/json' } });
      const ticket = await asked.json().catch(() => null);
      if (!ticket || !ticket.ok) return fail(say(ticket && ticket.problem));
      const body = new FormData();
      for (const [k, v] of Object.entries(ticket.fields)) body.append(k, v);
      body.append('file', file);
      bar.hidden = false;
      bar.value = 0;
      const stored = await new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', ticket.url);
        xhr.upload.onprogress = (p) => { if (p.lengthComputable) bar.value = Math.round((p.loaded / p.total) * 100); };
        xhr.onload = () => resolve(xhr.status);
        xhr.onerror = () => resolve(0);
        xhr.send(body);
      });
      if (stored < 200 || stored >= 300) return fail(stored === 400 ? (zh ? '文件超过大小限制或为空。' : 'The file is too large or empty.') : stored === 403 ? (zh ? '上传许可已过期，请重新上传。' : 'The upload permission expired; upload again.') : (zh ? '文件存储暂时不可用，请稍后重试。' : 'File storage is unavailable; try again shortly.'));
      bar.value = 100;
      const confirmed = await fetch(base + '/uploads/' + encodeURIComponent(ticket.uploadId) + '/confirm', { method: 'POST', body: new URLSearchParams({ _csrf: fields.get('_csrf') }), headers: { accept: 'application/json' } });
      const attached = await confirmed.json().catch(() => null);
      if (!attached || !attached.ok) return fail(say(attached && attached.problem));
      const url = new URL(location.href);
      url.searchParams.set('done', 'file');
      location.assign(url.toString());
    });
  }
})();`;
