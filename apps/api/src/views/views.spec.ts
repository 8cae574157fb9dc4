import { describe, expect, it } from '@jest/globals';
import { h } from 'preact';
import { HomePage } from '../dashboard/views/home.page.js';
import { MentorshipPage } from '../dashboard/views/mentorship.page.js';
import { uiFor } from './i18n.js';
import { renderPage } from './render.js';

const hostile = '<script>alert(1)</script> & "quotes"';

describe('server-rendered views', () => {
  it('escape every value by default: a name cannot inject markup', () => {
    const html = renderPage(
      h(HomePage, {
        ui: uiFor('en'),
        view: {
          decisions: [],
          programs: [{ id: 'p"><script>', name: hostile, phase: 'LAUNCH_PLANNING' }],
          mentorships: [],
        },
      }),
    );
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script> &amp; &quot;quotes&quot;');
    expect(html).toContain('href="/dashboard/programs/p&quot;>&lt;script>?lang=en"');
  });

  it('give every action form a fresh Idempotency-Key, and speak the reader’s language', () => {
    const view = {
      id: 'm-1',
      title: 'Zoé ← Éloïse',
      phase: 'ACTIVE',
      sessions: 2,
      goals: [],
      checkpoints: [{ checkpoint: 1, decision: null }],
      openCheckpoint: 1,
      canLogSession: true,
    };
    const page = () => renderPage(h(MentorshipPage, { ui: uiFor('fr'), view }));
    const keys = (html: string) => [...html.matchAll(/name="idempotencyKey" value="([^"]+)"/g)].map((m) => m[1]);
    const [first, second] = [keys(page()), keys(page())];
    expect(first).toHaveLength(2);
    expect(new Set([...first, ...second]).size).toBe(4);
    expect(page()).toContain('Trancher');
    expect(page()).toContain('<span class="decision">en attente</span>');
  });
});
