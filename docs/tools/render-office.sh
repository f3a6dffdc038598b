#!/usr/bin/env bash
# Renders the Word and Excel exports of the two seed référentiels to PDF and PNG pages with
# LibreOffice (headless) and pdftoppm, every page, to look at them as a jury or France Compétences would;
# then the Word documents the import tests read (test/import/documents.ts, one per layout), to look at
# them as their authors would.
#   apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
#   bash docs/tools/render-office.sh [output folder, default test/output/office]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-test/output/office}"
mkdir -p "$out"
for seed in chef-de-projet-digital manager-strategie-digitale; do
    for format in docx xlsx; do
        node packages/cli/bin/certiref.cjs export "referentials/$seed" --format "$format" --lang fr -o "$out/$seed.$format" --force
        soffice --headless --convert-to pdf --outdir "$out" "$out/$seed.$format" >/dev/null
        mv "$out/$seed.pdf" "$out/$seed-$format.pdf"
        pdftoppm -png -r 60 "$out/$seed-$format.pdf" "$out/$seed-$format"
    done
done
# the import tests' documents, kept by the tests when CERTIREF_IMPORT_DOCUMENTS names a folder
CERTIREF_IMPORT_DOCUMENTS="$out/import" npx vitest run test/import/docx-layouts.test.ts >/dev/null
for doc in "$out"/import/*.docx; do
    soffice --headless --convert-to pdf --outdir "$out/import" "$doc" >/dev/null
    pdftoppm -png -r 60 "${doc%.docx}.pdf" "${doc%.docx}"
done
ls "$out" "$out/import"
