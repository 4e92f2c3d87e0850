/**
 * The scene's data credits (ODbL asks for them on screen), as plain text: a kiosk has no browser
 * chrome to come back from a link, so nothing here opens one.
 */
import type { Scene } from '../../scene/schema';
import { useAppStore } from '../../state/hooks';
import { localText } from '../../ui/localText';

export function KioskAttribution({ scene }: { scene: Scene }) {
  const lang = useAppStore((s) => s.language);
  return (
    <p className="st-kiosk-credits">
      {scene.attribution.map((a, i) => (
        <span key={i}>{localText(a.text, lang)}</span>
      ))}
    </p>
  );
}
