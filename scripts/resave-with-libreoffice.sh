#!/usr/bin/env bash
# Re-saves the tool's own report and annotated copy from fixtures/lived-in with LibreOffice Calc,
# as a staff member who opened and saved them would, into fixtures/other-writers/. The output
# marker must survive (LibreOffice rewrites the keywords' separators). Also the form of
# fixtures/forms as LibreOffice saves it (its zip has data descriptors, its XML its own
# attributes), into fixtures/forms/様式1_libreoffice.xlsx, for fill's tests. Needs Debian's
# libreoffice-calc-nogui; the results are committed so that CI does not need it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp fixtures/lived-in/実績報告.xlsx "$work/lo-resaved-report.xlsx"
cp fixtures/lived-in/2022-02_検証.xlsx "$work/lo-resaved-annotated.xlsx"
soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work/out" "$work"/lo-resaved-*.xlsx >/dev/null
cp "$work"/out/lo-resaved-*.xlsx fixtures/other-writers/
cp fixtures/forms/様式1.xlsx "$work/様式1_libreoffice.xlsx"
soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work/out" "$work/様式1_libreoffice.xlsx" >/dev/null
cp "$work/out/様式1_libreoffice.xlsx" fixtures/forms/
echo "re-saved with $(soffice --version | head -1)"
