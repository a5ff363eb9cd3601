// A Map kept to its most recent entries (a Map iterates in insertion order, so the first is the oldest).

/** Sets `key` as the newest entry of `map`, and forgets the oldest once there are more than `max`. */
export function setRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}
