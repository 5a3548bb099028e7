#!/usr/bin/env bash
# Runs AFL++ on one loader for a bounded time: fuzz.sh TARGET SECONDS
#   TARGET   geojson | scenario | measures
#   SECONDS  how long afl-fuzz runs (its -V)
# Builds Release, copies the build to a work folder, instruments Corridors.Domain.dll there with sharpfuzz (the
# normal build stays uninstrumented), fuzzes from the seed corpus, prints the figures and exits 1 if afl-fuzz saved
# any crash or hang (each one is replayed in-process to print its stack trace), 2 on a usage or setup error.
# Environment: FUZZ_WORK (work folder, default ${TMPDIR:-/tmp}/corridors-fuzz), FUZZ_TIMEOUT_MS (afl-fuzz -t,
# default 5000). See README.md beside this script.
set -euo pipefail

usage() { echo "usage: $0 geojson|scenario|measures SECONDS" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
target=$1
seconds=$2
case "$target" in geojson|scenario|measures) ;; *) usage ;; esac
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || usage

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
timeout_ms=${FUZZ_TIMEOUT_MS:-5000}
work=${FUZZ_WORK:-${TMPDIR:-/tmp}/corridors-fuzz}/$target
sharpfuzz_version=2.3.0 # the SharpFuzz package version in Directory.Packages.props

if ! command -v afl-fuzz >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing afl++ from Debian" >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q afl++ >&2
  else
    echo "afl-fuzz not found: apt-get install afl++" >&2
    exit 2
  fi
fi

tools=$here/.tools
if [[ ! -x $tools/sharpfuzz ]]; then
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version "$sharpfuzz_version" >&2
fi

dotnet build "$here/Corridors.Fuzz.csproj" -c Release --nologo -v quiet >&2
rm -rf "$work"
mkdir -p "$work/tmp"
cp -r "$here/bin/Release/net10.0" "$work/bin"
"$tools/sharpfuzz" "$work/bin/Corridors.Domain.dll" >&2

# AFL_SKIP_BIN_CHECK: the target is `dotnet`, which carries no AFL instrumentation of its own (the coverage comes
#   from the instrumented Corridors.Domain.dll through SharpFuzz's fork server).
# AFL_SKIP_CPUFREQ, AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES: shared machines whose CPU governor and core_pattern we
#   do not own; crashes are managed exceptions reported by SharpFuzz, not core dumps.
# AFL_NO_AFFINITY: other work (or a second fuzzer) may hold the cores. AFL_NO_UI: a log, not a screen.
# AFL_FORKSRV_INIT_TMOUT: the fork server starts a .NET process and loads networks/ before the first input.
# TMPDIR: the GeoJSON harness's private folder, one per (re)started child, stays inside the work folder.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1
export AFL_FORKSRV_INIT_TMOUT=60000
export TMPDIR=$work/tmp

set +e
afl-fuzz -V "$seconds" -t "$timeout_ms" -m none \
  -i "$here/corpus/$target" -o "$work/findings" \
  -- dotnet "$work/bin/Corridors.Fuzz.dll" "$target" --repository "$root" >"$work/afl.log" 2>&1
afl_status=$?
set -e

stats=$work/findings/default/fuzzer_stats
if [[ ! -f $stats ]]; then
  echo "afl-fuzz did not start (exit $afl_status); the end of $work/afl.log:" >&2
  tail -n 30 "$work/afl.log" >&2
  exit 2
fi

stat_of() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
count() { find "$work/findings/default/$1" -type f -name 'id:*' 2>/dev/null | wc -l; }
crashes=$(count crashes)
hangs=$(count hangs)
echo "target:      $target ($(stat_of run_time) s, afl-fuzz $(stat_of afl_version), -t $timeout_ms ms)"
echo "execs:       $(stat_of execs_done) ($(stat_of execs_per_sec)/s)"
echo "corpus:      $(stat_of corpus_count) inputs, $(stat_of edges_found) of $(stat_of total_edges) edges ($(stat_of bitmap_cvg)), stability $(stat_of stability)"
echo "crashes:     $crashes"
echo "hangs:       $hangs"
echo "findings:    $work/findings/default"

if (( crashes + hangs > 0 )); then
  for kind in crashes hangs; do
    if [[ -n $(find "$work/findings/default/$kind" -type f -name 'id:*' 2>/dev/null) ]]; then
      mkdir -p "$work/replay-$kind"
      cp "$work/findings/default/$kind"/id:* "$work/replay-$kind/"
      echo "--- $kind replayed in-process:"
      dotnet "$work/bin/Corridors.Fuzz.dll" "$target" --replay "$work/replay-$kind" --repository "$root" || true
    fi
  done
  exit 1
fi
