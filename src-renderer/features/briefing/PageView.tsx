/**
 * Draws main's positioned briefing layout as an SVG page at its true proportions: every line of
 * text where pdfkit will print it, held to pdfkit's measured width, in the same DejaVu faces the
 * PDF embeds. Nothing is laid out here, so the screen cannot show a different page than prints.
 */
import type { BriefingLayout, FontRole } from '../../../src-main/contract/briefing-layout';
import './briefing-view.css';

/**
 * CSS family, weight and style of each role; the families are the bundled DejaVu files and, for
 * `cjk` runs, Noto Sans SC. A browser fetches an @font-face file only when some text on screen
 * uses it, so the 10 MB CJK face loads only for a briefing that has a CJK run.
 */
const FACES: Record<FontRole, { family: string; weight: number; style: 'normal' | 'italic' }> = {
  heading: { family: 'Readout Sans', weight: 700, style: 'normal' },
  label: { family: 'Readout Sans Condensed', weight: 700, style: 'normal' },
  body: { family: 'Readout Serif', weight: 400, style: 'normal' },
  bodyBold: { family: 'Readout Serif', weight: 700, style: 'normal' },
  italic: { family: 'Readout Serif', weight: 400, style: 'italic' },
  meta: { family: 'Readout Sans Condensed', weight: 400, style: 'normal' },
  cjk: { family: 'Readout CJK', weight: 400, style: 'normal' },
};

/** Section ids in the order they first appear on the page (header first, footer last). */
export function sectionOrder(layout: BriefingLayout): string[] {
  const seen: string[] = [];
  for (const m of layout.marks)
    if (m.kind === 'text' && !seen.includes(m.section)) seen.push(m.section);
  return seen;
}

export function PageView({ layout, label }: { layout: BriefingLayout; label: string }) {
  return (
    <svg
      className={`briefing-page briefing-page-${layout.paper.toLowerCase()}`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={label}
      data-paper={layout.paper}
      data-sections={sectionOrder(layout).join(' ')}
    >
      <rect x={0} y={0} width={layout.width} height={layout.height} fill="#ffffff" />
      {layout.marks.map((m, i) => {
        switch (m.kind) {
          case 'rect':
            return (
              <rect
                key={i}
                x={m.x}
                y={m.y}
                width={m.width}
                height={Math.max(0, m.height)}
                fill={m.fill}
                stroke={m.stroke ?? undefined}
                strokeWidth={m.stroke ? 0.25 : undefined}
              />
            );
          case 'line':
            return (
              <line
                key={i}
                x1={m.x1}
                y1={m.y1}
                x2={m.x2}
                y2={m.y2}
                stroke={m.colour}
                strokeWidth={m.thickness}
              />
            );
          case 'text': {
            const face = FACES[m.font];
            const text = m.text.replaceAll('\u200B', '');
            return (
              <text
                key={i}
                x={m.x}
                y={m.baseline}
                fontFamily={face.family}
                fontWeight={face.weight}
                fontStyle={face.style}
                fontSize={m.size}
                fill={m.colour}
                letterSpacing={m.characterSpacing || undefined}
                textLength={text.trim() ? m.width : undefined}
                lengthAdjust="spacingAndGlyphs"
                data-section={m.section}
              >
                {text}
              </text>
            );
          }
        }
      })}
    </svg>
  );
}
