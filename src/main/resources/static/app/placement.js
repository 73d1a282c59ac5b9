// Where a citation's preview goes so that all of it stays on screen.

const MARGIN = 8;

/**
 * The preview's position in viewport pixels: above its citation when there is room, else below
 * (flipped), and moved sideways so it stays inside the viewport. {@code anchor} is the citation's
 * rectangle, {@code tip} the preview's size, {@code viewport} the window's; all in pixels.
 */
export function placePreview(anchor, tip, viewport, gap = 6) {
  const width = Math.min(tip.width, viewport.width - 2 * MARGIN);
  const roomAbove = anchor.top - gap - MARGIN;
  const roomBelow = viewport.height - anchor.bottom - gap - MARGIN;
  const below = tip.height > roomAbove && roomBelow > roomAbove;
  const top = below ? anchor.bottom + gap : Math.max(MARGIN, anchor.top - gap - tip.height);
  const left = Math.min(Math.max(MARGIN, anchor.left), viewport.width - MARGIN - width);
  return { left: Math.round(left), top: Math.round(top), width: Math.round(width), below };
}
