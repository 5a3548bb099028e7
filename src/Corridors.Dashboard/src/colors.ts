// One colour per corridor, used by the map, the tables and the charts alike. Hues from the Okabe–Ito
// colour-blind-safe palette, darkened so each has at least 4.5:1 contrast on white (WCAG AA for text, and so also
// for the 3:1 asked of lines and chart marks).
const KNOWN: Record<string, string> = {
  northern: '#b84a0e', // vermillion, 5.0:1 on white
  middle: '#0b5fa5', // blue, 6.5:1
  maritime: '#00704f', // bluish green, 6.2:1
  'maritime-cape': '#9a3f8a', // reddish purple, 6.4:1
  cku: '#7a5a00', // dark ochre, 6.1:1
};

// For corridors a later network adds: also ≥ 4.5:1 on white.
const SPARE = ['#5a5a5a', '#a3154a', '#2b6b7a', '#6a4fa0', '#6b6b00'];

const assigned = new Map<string, string>();

export function corridorColor(corridorId: string): string {
  const known = KNOWN[corridorId];
  if (known !== undefined) {
    return known;
  }
  let colour = assigned.get(corridorId);
  if (colour === undefined) {
    colour = SPARE[assigned.size % SPARE.length] ?? '#5a5a5a';
    assigned.set(corridorId, colour);
  }
  return colour;
}
