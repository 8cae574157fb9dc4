import { createHash } from 'node:crypto';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * The one stylesheet of every page, inline in its <style> (pages load no asset and print as they
 * show); the Content-Security-Policy allows it by hash and nothing else. Colours keep a 4.5:1 contrast.
 */
export const STYLESHEET = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7fb}
header{background:#1d2330;color:#fff;padding:.6rem 1.2rem}
header nav{display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap}header a{color:#fff}
header form{margin-left:auto}
main{max-width:1040px;margin:1.5rem auto;padding:0 1rem}
section{background:#fff;border-radius:8px;padding:1rem 1.2rem;margin-bottom:1.2rem;box-shadow:0 1px 2px #0001}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:0}h3{font-size:1rem}
table{border-collapse:collapse;width:100%}td,th{padding:.35rem .5rem;border-bottom:1px solid #dde;text-align:left;vertical-align:top}
.none{color:#4f5566}.help{color:#4f5566;font-size:.9rem}
.flash{background:#e6f4ea;border-left:4px solid #2f7d4f;padding:.5rem 1rem}
.error{background:#fdecea;border-left:4px solid #b3261e;padding:.5rem 1rem}
.phase{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:#e8eefc;font-size:.85rem}
.overdue{display:inline-block;padding:0 .4rem;border-radius:1rem;background:#b3261e;color:#fff;font-size:.8rem;margin-left:.3rem}
ol.steps{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
ol.steps li{background:#eef0f5;border-radius:6px;padding:.3rem .6rem}ol.steps li.current{background:#1d4fb8;color:#fff;font-weight:600}
ol.timeline{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}ol.timeline li{background:#e8eefc;border-radius:6px;padding:.3rem .6rem}
form.inline{display:flex;gap:.6rem;flex-wrap:wrap;align-items:flex-end}
form.stack{display:grid;gap:.6rem;max-width:720px}
fieldset{border:1px solid #dde;border-radius:6px;padding:.5rem .8rem;display:flex;gap:.6rem;flex-wrap:wrap;align-items:flex-end}
legend{font-weight:600;font-size:.9rem}
label{display:flex;flex-direction:column;font-size:.85rem;gap:.15rem}label.check{flex-direction:row;align-items:center;gap:.4rem}
input,select,textarea{font:inherit;padding:.3rem .4rem;border:1px solid #767b8a;border-radius:4px;background:#fff;color:#1d2330}
textarea{min-height:3.5rem}
button{font:inherit;background:#1d4fb8;color:#fff;border:0;border-radius:6px;padding:.45rem .9rem;cursor:pointer}
button.secondary{background:#4f5566}button.danger{background:#b3261e}
a{color:#1d4fb8}header a,header button{color:#fff}
:focus-visible{outline:3px solid #f2b400;outline-offset:2px}
.kpi{display:inline-block;margin:0 1.5rem 1rem 0}.kpi b{display:block;font-size:1.5rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap}
svg text{font-size:12px;fill:#1d2330}svg .bar{fill:#1d4fb8}svg .bar2{fill:#8aa6e6}svg .target{stroke:#b3261e;stroke-width:2}
svg .grid{stroke:#dde;stroke-width:1}svg .line{fill:none;stroke:#1d4fb8;stroke-width:2}svg .dot{fill:#1d4fb8}
svg line.effect,svg circle.effect{stroke:#2f7d4f;fill:#2f7d4f;stroke-width:3}
svg line.noeffect,svg circle.noeffect{stroke:#6b7280;fill:#6b7280;stroke-width:3}svg line.axis{stroke:#99a;stroke-width:1}
.legend span{display:inline-block;margin-right:1rem;font-size:.85rem}
blockquote{margin:.3rem 0 .3rem 1rem;color:#3b4150}
details{margin-top:.6rem}summary{cursor:pointer;color:#1d4fb8}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{header,form,.no-print{display:none}body{background:#fff}section{box-shadow:none}}
`;

/** Every stylesheet a page may carry; the Content-Security-Policy allows these and nothing else. */
export const STYLESHEETS = [STYLESHEET] as const;

/** The CSP `style-src` sources: the hash of each stylesheet as a page renders it inside its <style>. */
export function styleSources(): string[] {
  return STYLESHEETS.map((css) => {
    const inner = /^<style>([\s\S]*)<\/style>$/.exec(renderToString(h('style', null, css)))?.[1] ?? css;
    return `'sha256-${createHash('sha256').update(inner, 'utf8').digest('base64')}'`;
  });
}
