#!/usr/bin/env bash
# FanapPlus signing on one core next to OpenSSL's own RSA-2048 signing, in the same run:
#   1. openssl speed -seconds 3 rsa2048 (single-threaded): OpenSSL's sign/s;
#   2. BenchmarkDotNet FanapPlusBenchmarks: the provider's signer, the bare RSA.SignData baseline, and a whole
#      1,000-message batch call (built, signed, serialised, gzipped);
# then prints the signer's sign/s as a share of OpenSSL's (target >= 90%).
# usage: benchmarks/load/signing.sh [--no-build]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH="$ROOT/benchmarks/Rasan.Benchmarks"
if [[ "${1:-}" != "--no-build" ]]; then
  timeout 600 dotnet build "$BENCH" -c Release -nologo -v q >&2
fi

echo "openssl: $(openssl version)"
OPENSSL_SIGNS=$(timeout 120 openssl speed -seconds 3 rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ {print $6}')
echo "openssl speed rsa2048: ${OPENSSL_SIGNS} sign/s"

cd "$BENCH"
timeout 1200 dotnet run -c Release --no-build -- --filter '*FanapPlusBenchmarks*' --exporters github >/tmp/rasan-signing-bdn.log 2>&1 || {
  tail -n 40 /tmp/rasan-signing-bdn.log >&2; exit 1; }
REPORT=$(ls -t BenchmarkDotNet.Artifacts/results/*FanapPlusBenchmarks-report-github.md | head -n 1)
cat "$REPORT"

python3 - "$REPORT" "$OPENSSL_SIGNS" <<'PY'
import re, sys
report, openssl = sys.argv[1], float(sys.argv[2])
units = {"ns": 1e-9, "us": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1.0}
for line in open(report, encoding="utf-8"):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) > 2 and cells[0] in ("Rsa_SignData", "FanapPlus_Sign"):
        value, unit = cells[1].replace(",", "").split()
        per_second = 1 / (float(value) * units[unit])
        print(f"{cells[0]}: {per_second:,.0f} sign/s = {per_second / openssl:.0%} of openssl speed ({openssl:,.0f} sign/s)")
PY
