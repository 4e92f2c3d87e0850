/**
 * Close-up text labels over the 3D view (sensor values, signal countdowns, bus arrivals): a pool of
 * absolutely positioned DOM nodes placed each frame from projected positions. Nodes are reused
 * and their text is rewritten only when it changes, so a frame of labels costs a few style writes.
 * The owner creates it in an effect and calls dispose() in that effect's cleanup.
 */
import { Vector3, type Camera } from 'three';
import { claimLabelBox } from './labelPlacement';

const scratch = new Vector3();

/** Approximate label box from its text, CSS px (reading real sizes would force a layout per label per frame). */
const LABEL_FONT_PX = 11;
const LABEL_LINE_PX = 14;
const LABEL_PAD_PX = 8;

/** `scale`: the label's real font size over LABEL_FONT_PX (labels are sized in rem, and the root size follows the screen). */
export function estimateLabelSize(text: string, out: { w: number; h: number }, scale = 1): { w: number; h: number } {
  let lines = 1, cur = 0, widest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines++;
      widest = Math.max(widest, cur);
      cur = 0;
      continue;
    }
    // CJK and other wide characters take a full em; Latin digits and letters about half.
    cur += c > 0x2e80 ? 1 : 0.56;
  }
  const k = Number.isFinite(scale) && scale > 0 ? scale : 1;
  out.w = (Math.max(widest, cur) * LABEL_FONT_PX + LABEL_PAD_PX) * k;
  out.h = (lines * LABEL_LINE_PX + 4) * k;
  return out;
}

const size = { w: 0, h: 0 };

/**
 * Screen space claimed by labels this frame, shared by every overlay of a zone so labels of
 * different layers do not pile on each other. Cleared by the first overlay to begin a new frame.
 * Also where labels must never go (see labelPlacement): UI panels over the view, and the selected
 * or hovered thing; LabelDeclutter keeps those lists current.
 */
export class LabelSpace {
  /** x0, y0, x1, y1 per placed label, CSS px. */
  readonly boxes: number[] = [];
  /** Panels over the view, in the view's CSS px; refreshed a few times a second. */
  readonly panels: number[] = [];
  /** The selection and the hovered building on screen; refreshed every frame. */
  readonly focus: number[] = [];
  /** Real label font size over the estimate's (LabelDeclutter reads the root font size: a 4K wall's labels are larger). */
  fontScale = 1;
  private readonly blocked: readonly number[][] = [this.panels, this.focus];
  private frame = Number.NaN;

  /** Claims a label's box unless it overlaps another label, a panel or the focus. */
  claim(x0: number, y0: number, x1: number, y1: number): boolean {
    return claimLabelBox(this.boxes, this.blocked, x0, y0, x1, y1);
  }

  begin(frameKey: number): void {
    if (frameKey === this.frame) return;
    this.frame = frameKey;
    this.boxes.length = 0;
  }
}

interface Slot {
  el: HTMLDivElement;
  text: string;
  tone: string;
  shown: boolean;
}

export class LabelOverlay {
  private readonly root: HTMLDivElement;
  private readonly pool: Slot[] = [];
  private used = 0;

  /** Labels overlapping a box already claimed in `space` this frame are skipped. */
  constructor(parent: HTMLElement, className: string, private readonly space: LabelSpace = new LabelSpace()) {
    this.root = parent.ownerDocument.createElement('div');
    this.root.className = `st-live-labels ${className}`;
    this.root.setAttribute('aria-hidden', 'true');
    parent.appendChild(this.root);
  }

  /** Starts this overlay's frame; `frameKey` identifies the frame (the same for every overlay). */
  begin(frameKey: number): void {
    this.used = 0;
    this.space.begin(frameKey);
  }

  /**
   * Places a label at ENU (e, n, u) if it is in front of the camera, on screen, clear of the
   * labels already placed this frame (callers place the most important ones first), of the UI
   * panels and of the selection.
   */
  placeEnu(camera: Camera, widthPx: number, heightPx: number, e: number, n: number, u: number, text: string, tone: string): boolean {
    scratch.set(e, u, -n).project(camera);
    if (scratch.z < -1 || scratch.z > 1) return false;
    const x = ((scratch.x + 1) / 2) * widthPx;
    const y = ((1 - scratch.y) / 2) * heightPx;
    if (x < -50 || y < -50 || x > widthPx + 50 || y > heightPx + 50) return false;
    estimateLabelSize(text, size, this.space.fontScale);
    // Anchored at the bottom centre (see .st-live-label).
    if (!this.space.claim(x - size.w / 2, y - size.h, x + size.w / 2, y)) return false;
    const slot = this.next();
    if (slot.text !== text) {
      slot.el.textContent = text;
      slot.text = text;
    }
    if (slot.tone !== tone) {
      slot.el.dataset.tone = tone;
      slot.tone = tone;
    }
    slot.el.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
    if (!slot.shown) {
      slot.el.hidden = false;
      slot.shown = true;
    }
    return true;
  }

  /** Hides the pool's unused nodes. */
  end(): void {
    for (let i = this.used; i < this.pool.length; i++) {
      const s = this.pool[i]!;
      if (s.shown) {
        s.el.hidden = true;
        s.shown = false;
      }
    }
  }

  get visibleCount(): number {
    return this.used;
  }

  dispose(): void {
    this.root.remove();
    this.pool.length = 0;
  }

  private next(): Slot {
    let s = this.pool[this.used];
    if (!s) {
      const el = this.root.ownerDocument.createElement('div');
      el.className = 'st-live-label';
      el.hidden = true;
      this.root.appendChild(el);
      s = { el, text: '', tone: '', shown: false };
      this.pool.push(s);
    }
    this.used++;
    return s;
  }
}
