import type { ComponentChildren } from 'preact';
import type { STYLESHEETS } from './styles.js';

/** The outer HTML of every page: language, title, one inline stylesheet (allowed by the CSP), no script. */
export function Document(props: {
  lang: string;
  title: string;
  /** One of the listed stylesheets: the Content-Security-Policy allows those by hash, nothing else. */
  css: (typeof STYLESHEETS)[number];
  refreshTo?: string;
  children: ComponentChildren;
}) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {props.refreshTo ? <meta http-equiv="refresh" content={`0;url=${props.refreshTo}`} /> : null}
        <title>{props.title}</title>
        <style>{props.css}</style>
      </head>
      <body>{props.children}</body>
    </html>
  );
}
