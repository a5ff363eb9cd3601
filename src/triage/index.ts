// Public API of emergency triage, bound to content/triage.yaml as compiled by `npm run build:content`.
import { synonyms, triage } from '../knowledge/compiled.generated';
import { expandShorthand } from '../knowledge/text';
import { createDetector, type Detection, type Detector } from './detect';

export type { Detection } from './detect';

let detector: Detector | undefined;

/** Is this message an emergency happening now (violence, abduction, assault, missing, suicide, injury, drowning)? */
export function detectEmergency(text: string): Detection {
  detector ??= createDetector(triage);
  // Chat shorthand ("ko thay con dau") is spelled out first, as `ask` does.
  return detector.detect(expandShorthand(text, synonyms.shorthand));
}
