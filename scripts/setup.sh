#!/usr/bin/env bash
# Quick start, step 1: install everything report-press needs and build the sample into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-packages.sh
export PUPPETEER_SKIP_DOWNLOAD=true
npm ci --no-audit --no-fund
node bin/press.js build source/report.md --out dist
echo "built: $(ls dist/report.* | tr '\n' ' ')"
