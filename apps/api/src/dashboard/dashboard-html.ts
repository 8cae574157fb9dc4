import { esc } from '../http/html.js';
import type { UiLanguage, UiText } from './dashboard-i18n.js';

/** The frame of every page: plain HTML and one stylesheet, no script. */
export function page(lang: UiLanguage, t: UiText, title: string, body: string, signedIn = true): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} — ${t.title}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7fb}
header{background:#1d2330;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}
header a{color:#fff}main{max-width:980px;margin:1.5rem auto;padding:0 1rem}
section{background:#fff;border-radius:8px;padding:1rem 1.2rem;margin-bottom:1.2rem;box-shadow:0 1px 2px #0001}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:0}table{border-collapse:collapse;width:100%}
td,th{padding:.35rem .5rem;border-bottom:1px solid #eef;text-align:left}.none{color:#778}
.flash{background:#e6f4ea;border-left:4px solid #2f7d4f;padding:.5rem 1rem}.error{background:#fdecea;border-left:4px solid #c0392b;padding:.5rem 1rem}
.phase{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:#e8eefc;font-size:.85rem}
ol.timeline{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}ol.timeline li{background:#e8eefc;border-radius:6px;padding:.3rem .6rem}
svg text{font-size:12px;fill:#1d2330}svg rect{fill:#3b6fd8}
form.inline{display:flex;gap:.5rem;flex-wrap:wrap;align-items:flex-end}label{display:flex;flex-direction:column;font-size:.85rem}
button{background:#3b6fd8;color:#fff;border:0;border-radius:6px;padding:.45rem .9rem;cursor:pointer}
</style></head><body>
<header><strong>${t.title}</strong>${signedIn ? `<a href="/dashboard?lang=${lang}">${t.home}</a><a href="/dashboard?lang=${lang === 'fr' ? 'en' : 'fr'}">${lang === 'fr' ? 'English' : 'Français'}</a><form method="post" action="/dashboard/sign-out" style="margin-left:auto"><button>${t.signOut}</button></form>` : ''}</header>
<main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

export const table = (t: UiText, head: string[], rows: string[][]): string =>
  rows.length === 0
    ? `<p class="none">${t.none}</p>`
    : `<table><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
