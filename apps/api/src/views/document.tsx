import type { ComponentChildren } from 'preact';
import { STYLESHEET } from './styles.js';

/** The outer HTML of every page: language, title, the one stylesheet inline (allowed by the CSP by hash), no script. */
export function Document(props: { lang: string; title: string; refreshTo?: string; children: ComponentChildren }) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {props.refreshTo ? <meta http-equiv="refresh" content={`0;url=${props.refreshTo}`} /> : null}
        <title>{props.title}</title>
        <style>{STYLESHEET}</style>
      </head>
      <body>{props.children}</body>
    </html>
  );
}
