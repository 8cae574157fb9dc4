import { createHash } from 'node:crypto';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';

// Each page family's one stylesheet, inline: pages load no asset and print as they show.

export const DASHBOARD_CSS = `
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
button,a.button{background:#3b6fd8;color:#fff;border:0;border-radius:6px;padding:.45rem .9rem;cursor:pointer;text-decoration:none;display:inline-block}
form.sign-out{margin-left:auto}
`;

/** Reports meant to be read and printed (the cycle's report, a pilot's evaluation). */
export const REPORT_CSS = `
body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#1d2330}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #eef;text-align:left}
.kpi{display:inline-block;margin:0 1.5rem 1rem 0}.kpi b{display:block;font-size:1.5rem}
svg text{font-size:12px;fill:#1d2330}svg rect{fill:#3b6fd8}.none{color:#778}
svg line{stroke-width:3}svg line.effect,svg circle.effect{stroke:#2f7d4f;fill:#2f7d4f}
svg line.none,svg circle.none{stroke:#9aa;fill:#9aa}svg line.axis{stroke:#ccd;stroke-width:1}blockquote{margin:.3rem 0 .3rem 1rem;color:#445}
`;

/** Every stylesheet a page may carry; the Content-Security-Policy allows these and nothing else. */
export const STYLESHEETS = [DASHBOARD_CSS, REPORT_CSS] as const;

/** The CSP `style-src` sources: the hash of each stylesheet as a page renders it inside its <style>. */
export function styleSources(): string[] {
  return STYLESHEETS.map((css) => {
    const inner = /^<style>([\s\S]*)<\/style>$/.exec(renderToString(h('style', null, css)))?.[1] ?? css;
    return `'sha256-${createHash('sha256').update(inner, 'utf8').digest('base64')}'`;
  });
}
