#!/usr/bin/env bash
# The same generated explicit-mode requests solved by PuLP + CBC (Debian python3-pulp, coinor-cbc) and by
# `cnucnm formulate --batch`; prints both wall times, their ratio, and checks that the optimal costs agree.
#   tests/Cnucnm.Benchmarks/pulp/compare.sh [COUNT] [FEEDS] [CONSTRAINTS]     (defaults 1000 60 40)
set -euo pipefail
cd "$(dirname "$0")/../../.."
COUNT=${1:-1000}; FEEDS=${2:-60}; ROWS=${3:-40}
# The Debian packages install PuLP for the system interpreter.
PYTHON=${PYTHON:-/usr/bin/python3}
"$PYTHON" -c "import pulp" 2>/dev/null || { echo "needs python3-pulp and coinor-cbc (apt-get install python3-pulp coinor-cbc)"; exit 2; }
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
dotnet publish src/Cnucnm.Cli -c Release -o "$WORK/jit" -v q -nologo >/dev/null
JIT="dotnet $WORK/jit/cnucnm.dll"
# The CLI as users run it at scale: compiled ahead of time (no JIT at start or on first calls). NativeAOT links
# with clang by default; on a machine with only gcc, gcc and the bfd linker do.
LINKER=(); command -v clang >/dev/null || LINKER=(-p:CppCompilerAndLinker=gcc -p:LinkerFlavor=bfd)
dotnet publish src/Cnucnm.Cli -c Release -r linux-x64 --self-contained -p:PublishAot=true "${LINKER[@]}" \
  -o "$WORK/native" -v q -nologo >/dev/null
CLI="$WORK/native/cnucnm"
$CLI formulate --generate "$COUNT" --seed 1 --feeds "$FEEDS" --constraints "$ROWS" --mode explicit > "$WORK/requests.jsonl"

pulp_seconds=$("$PYTHON" tests/Cnucnm.Benchmarks/pulp/compare.py "$WORK/requests.jsonl" "$WORK/pulp.txt")
calc() { python3 -c "print($1)"; }
timed() { local start end; start=$(date +%s.%N); "$@" > "$WORK/out.jsonl"; end=$(date +%s.%N); calc "$end - $start"; }
ours_jit=$(timed $JIT formulate --batch "$WORK/requests.jsonl" --compact)
ours_all=$(timed $CLI formulate --batch "$WORK/requests.jsonl" --compact)
ours_one=$(timed $CLI formulate --batch "$WORK/requests.jsonl" --compact --threads 1)
python3 - "$WORK/out.jsonl" "$WORK/pulp.txt" <<'PY'
import json, sys
ours = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
theirs = [l.strip() for l in open(sys.argv[2])]
bad = 0
for i, (o, t) in enumerate(zip(ours, theirs)):
    if t == "infeasible":
        bad += o["status"] != "Infeasible"
    else:
        bad += o["status"] != "Optimal" or abs(o["costPerDay"] - float(t)) > 1e-6 * max(1, abs(float(t)))
print(f"{len(ours)} requests; answers that differ between CNUCNM and PuLP/CBC: {bad}")
PY
printf "PuLP + CBC, one process:                      %8.3f s\n" "$pulp_seconds"
printf "cnucnm formulate --batch, all cores:          %8.3f s  (%.1fx faster; native; includes process start and JSON)\n" "$ours_all" "$(calc "$pulp_seconds / $ours_all")"
printf "cnucnm formulate --batch --threads 1:         %8.3f s  (%.1fx faster; native)\n" "$ours_one" "$(calc "$pulp_seconds / $ours_one")"
printf "dotnet cnucnm.dll formulate --batch (JIT):    %8.3f s  (%.1fx faster)\n" "$ours_jit" "$(calc "$pulp_seconds / $ours_jit")"
