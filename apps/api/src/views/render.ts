import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * A page as HTML. Views are JSX (preact) rendered on the server: text and attributes are escaped
 * by default and the compiler checks every prop, so no page concatenates HTML by hand.
 */
export const renderPage = <P>(page: VNode<P>): string => `<!doctype html>\n${renderToString(page)}`;
