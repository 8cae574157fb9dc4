import type { ComponentChildren } from 'preact';

/** Where every page finds its stylesheet (served by the dashboard's assets route). */
export const STYLESHEET_URL = '/dashboard/assets/style.css';

/** The outer HTML of every page: language, title, the served stylesheet, no script. */
export function Document(props: { lang: string; title: string; children: ComponentChildren }) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={STYLESHEET_URL} />
      </head>
      <body>{props.children}</body>
    </html>
  );
}
