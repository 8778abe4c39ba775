/**
 * A latitude or longitude to 5 decimals (about a metre): the precision the gazetteer stores and events and place
 * records give, so that one point is written the same everywhere and output does not carry float noise.
 */
export function roundDegrees(degrees: number): number {
  return Math.round(degrees * 1e5) / 1e5;
}
