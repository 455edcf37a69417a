import { css } from 'lit';

// The band colours are written out here (every gauge page loads this file: a table and a generator would cost it
// bytes); they are the table in colors/bands.ts, and test/node/layer-kit.test.mjs checks that they stay so.

/**
 * Design tokens shared by every chiso element. Each is a `--chiso-*` custom property a portal can set on
 * the element or any ancestor; themes (`theme="dark"`, `theme="contrast"`) only change their defaults.
 * Colours meet WCAG AA: text ≥ 4.5:1, graphics ≥ 3:1 against their background.
 */
export const tokens = css`
  :host {
    --_bg: var(--chiso-color-background, #ffffff);
    --_fg: var(--chiso-color-text, #1f2328);
    --_muted: var(--chiso-color-text-muted, #57606a);
    --_track: var(--chiso-color-track, #d0d7de);
    --_border: var(--chiso-color-border, #d0d7de);
    --_good: var(--chiso-color-good, #1a7f37);
    --_fair: var(--chiso-color-fair, #9a6700);
    --_bad: var(--chiso-color-bad, #cf222e);
    --_accent: var(--chiso-color-accent, #0969da);
    --_target: var(--chiso-color-target, #1f2328);
    --_focus: var(--chiso-color-focus, #0969da);
    --_skeleton: var(--chiso-color-skeleton, #eaeef2);
    --_radius: var(--chiso-radius, 0.5rem);
    --_font: var(--chiso-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif);
    font-family: var(--_font);
    color: var(--_fg);
  }
  :host([theme='dark']) {
    --_bg: var(--chiso-color-background, #0d1117);
    --_fg: var(--chiso-color-text, #e6edf3);
    --_muted: var(--chiso-color-text-muted, #9198a1);
    --_track: var(--chiso-color-track, #3d444d);
    --_border: var(--chiso-color-border, #3d444d);
    --_good: var(--chiso-color-good, #3fb950);
    --_fair: var(--chiso-color-fair, #d29922);
    --_bad: var(--chiso-color-bad, #f85149);
    --_accent: var(--chiso-color-accent, #4493f8);
    --_target: var(--chiso-color-target, #e6edf3);
    --_focus: var(--chiso-color-focus, #4493f8);
    --_skeleton: var(--chiso-color-skeleton, #21262d);
  }
  :host([theme='contrast']) {
    --_bg: var(--chiso-color-background, #000000);
    --_fg: var(--chiso-color-text, #ffffff);
    --_muted: var(--chiso-color-text-muted, #ffffff);
    --_track: var(--chiso-color-track, #ffffff);
    --_border: var(--chiso-color-border, #ffffff);
    --_good: var(--chiso-color-good, #00ff66);
    --_fair: var(--chiso-color-fair, #ffd400);
    --_bad: var(--chiso-color-bad, #ff6b6b);
    --_accent: var(--chiso-color-accent, #00e5ff);
    --_target: var(--chiso-color-target, #ffffff);
    --_focus: var(--chiso-color-focus, #ffd400);
    --_skeleton: var(--chiso-color-skeleton, #333333);
  }
  @media (forced-colors: active) {
    :host {
      --_bg: Canvas;
      --_fg: CanvasText;
      --_muted: CanvasText;
      --_track: GrayText;
      --_border: CanvasText;
      --_good: Highlight;
      --_fair: Highlight;
      --_bad: Highlight;
      --_accent: LinkText;
      --_target: CanvasText;
      --_focus: Highlight;
    }
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Every element's source line (see ChisoElement.citeLine). */
  [part='source'] { color: var(--_muted); font-size: 0.875em; margin: 0; }
  [part='source'] a { color: var(--_accent); }
`;
