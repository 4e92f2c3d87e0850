/**
 * Keyboard shortcuts of the tour on an operation-centre screen: a wireless presenter sends
 * PageDown/PageUp or arrows, a keyboard sends arrows and Space. Pure so the shell's listener only
 * forwards `KeyboardEvent.key` and tests need no DOM.
 */
export type TourKeyAction = 'toggle' | 'next' | 'prev' | 'ack';

export function tourKeyAction(key: string): TourKeyAction | null {
  switch (key) {
    case ' ':
    case 'Spacebar':
      return 'toggle';
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'prev';
    case 'a':
    case 'A':
      return 'ack';
    default:
      return null;
  }
}
