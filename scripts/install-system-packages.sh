#!/usr/bin/env bash
# Installs the Debian packages report-press and its tests need, skipping those already present:
# Chromium (the PDF typesetter), poppler-utils and qpdf (to read PDFs back in tests), and the
# template fonts npm has no full copy of (LXGW WenKai for Kai headings), LibreOffice (a second Word
# client; python3-uno drives it to edit Word files as a department does; its Math module turns the
# Word file's equations into formula objects) and pandoc (an independent
# reader of the Word files we write), python3-docx (a third writer of Word files, for import tests). The other fonts come
# from npm (@fontsource packages); report-press never picks up other fonts of the machine.
set -euo pipefail
packages=(chromium poppler-utils qpdf fonts-lxgw-wenkai libreoffice-writer-nogui libreoffice-math-nogui pandoc python3-uno python3-docx)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "system packages: all present (${packages[*]})"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "report-press needs: ${missing[*]} (no apt-get here: install them with your package manager)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
