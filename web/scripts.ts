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
