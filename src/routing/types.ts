// Shapes shared by address routing, GPS lookup and the `locate` command.

/** A current (post-2025) commune-level unit, as printed by `locate --jsonl`. */
export interface CommuneRef {
  code: string;
  name: string; // full name, e.g. "Phường Ba Đình"
  province_code: string;
  province_name: string; // full name, e.g. "Thành phố Hà Nội"
}

/** The answer to "where is this?": one commune when sure, else candidates, never a silent guess. */
export interface LocateResult {
  commune: CommuneRef | null;
  candidates: CommuneRef[];
}
