// Builds the complete site into dist/: index.html, the bundled and minified script and stylesheet (content-hashed
// names), Leaflet's images and the basemap. Deterministic (same input, same bytes) and exits non-zero on any error.
//
// The basemap is Natural Earth's 1:50m countries from world-atlas, pruned to the countries that reach the
// corridors' part of the world (the Americas and Antarctica are dropped) so the first load stays small.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

/** Longitude/latitude box (degrees) a country must reach to be kept: Atlantic to the Pacific, Cape to the Arctic. */
const KEEP_BOX = { west: -32, east: 180, south: -56, north: 84 };

function hash(bytes) {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 10);
}

/** Keeps the countries that reach KEEP_BOX and only the arcs they use (renumbered); drops the 'land' object. */
function pruneTopology(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  // Each arc's box in degrees (quantized arcs are delta-encoded per arc).
  const arcBoxes = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    let west = Infinity;
    let east = -Infinity;
    let south = Infinity;
    let north = -Infinity;
    for (const [dx, dy] of arc) {
      x += dx;
      y += dy;
      const lon = x * sx + tx;
      const lat = y * sy + ty;
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
    return { west, east, south, north };
  });
  const arcIndex = (i) => (i < 0 ? ~i : i);
  const ringsOf = (geometry) => (geometry.type === 'Polygon' ? geometry.arcs : geometry.type === 'MultiPolygon' ? geometry.arcs.flat() : []);
  const reaches = (geometry) =>
    ringsOf(geometry).some((ring) =>
      ring.some((i) => {
        const b = arcBoxes[arcIndex(i)];
        return b.east >= KEEP_BOX.west && b.west <= KEEP_BOX.east && b.north >= KEEP_BOX.south && b.south <= KEEP_BOX.north;
      }),
    );
  const kept = topology.objects.countries.geometries.filter((g) => g.type !== null && reaches(g));
  const renumber = new Map();
  const arcs = [];
  const mapArc = (i) => {
    const old = arcIndex(i);
    if (!renumber.has(old)) {
      renumber.set(old, arcs.length);
      arcs.push(topology.arcs[old]);
    }
    const fresh = renumber.get(old);
    return i < 0 ? ~fresh : fresh;
  };
  const geometries = kept.map((g) => ({
    type: g.type,
    id: g.id,
    properties: { name: g.properties?.name ?? '' },
    arcs: g.type === 'Polygon' ? g.arcs.map((ring) => ring.map(mapArc)) : g.arcs.map((polygon) => polygon.map((ring) => ring.map(mapArc))),
  }));
  return {
    type: 'Topology',
    transform: topology.transform,
    objects: { countries: { type: 'GeometryCollection', geometries } },
    arcs,
  };
}

async function main() {
  await rm(dist, { recursive: true, force: true });
  await mkdir(join(dist, 'assets'), { recursive: true });

  const atlas = JSON.parse(await readFile(join(root, 'node_modules', 'world-atlas', 'countries-50m.json'), 'utf8'));
  const basemap = Buffer.from(JSON.stringify(pruneTopology(atlas)));
  const basemapName = `assets/countries-50m-${hash(basemap)}.json`;
  await writeFile(join(dist, basemapName), basemap);

  const result = await build({
    entryPoints: { app: join(root, 'src', 'main.ts'), styles: join(root, 'styles.css') },
    outdir: join(dist, 'assets'),
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    platform: 'browser',
    legalComments: 'linked',
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
    loader: { '.png': 'file', '.svg': 'file' },
    define: { BASEMAP_URL: JSON.stringify(`/${basemapName}`), 'process.env.NODE_ENV': '"production"' },
  });
  if (result.errors.length > 0 || result.warnings.length > 0) {
    throw new Error(`esbuild reported ${result.errors.length} errors and ${result.warnings.length} warnings`);
  }
  const outputs = Object.keys(result.metafile.outputs).map((p) => p.replace(/\\/g, '/'));
  const find = (pattern) => {
    const match = outputs.find((p) => pattern.test(p));
    if (match === undefined) throw new Error(`no output matches ${pattern}`);
    return `/assets/${match.split('/assets/').pop() ?? match.split('/').pop()}`;
  };
  const script = find(/assets\/app-[^/]+\.js$/);
  const styles = find(/assets\/styles-[^/]+\.css$/);

  const template = await readFile(join(root, 'index.html'), 'utf8');
  if (!template.includes('%SCRIPT%') || !template.includes('%STYLES%')) {
    throw new Error('index.html must hold the %SCRIPT% and %STYLES% placeholders');
  }
  await writeFile(join(dist, 'index.html'), template.replace('%SCRIPT%', script).replace('%STYLES%', styles));

  const sizes = [...Object.entries(result.metafile.outputs).map(([p, o]) => [p.split('/').pop(), o.bytes]), [basemapName.split('/').pop(), basemap.length]];
  const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
  for (const [name, bytes] of sizes) console.log(`  ${String(bytes).padStart(8)}  ${name}`);
  console.log(`  ${String(total).padStart(8)}  bytes in dist/assets (uncompressed)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
