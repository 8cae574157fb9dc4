import type { ComponentChildren } from 'preact';

/** The outer HTML of every page: language, title, one inline stylesheet, no script. */
export function Document(props: { lang: string; title: string; css: string; children: ComponentChildren }) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{props.title}</title>
        <style>{props.css}</style>
      </head>
      <body>{props.children}</body>
    </html>
  );
}
