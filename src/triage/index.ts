// Public API of emergency triage, bound to content/triage.yaml as compiled by `npm run build:content`.
import { triage } from '../knowledge/compiled.generated';
import { createDetector, type Detection, type Detector } from './detect';

export type { Detection } from './detect';

let detector: Detector | undefined;

/** Is this message an emergency happening now (violence, abduction, assault, missing, suicide, injury, drowning)? */
export function detectEmergency(text: string): Detection {
  detector ??= createDetector(triage);
  return detector.detect(text);
}
