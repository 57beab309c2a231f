#!/bin/sh
# Measures the time and peak memory of annexgen validate and render on
# every file of the catalogue (big ones included) and on the samples, and
# prints a Markdown table, slowest first: file, command, seconds, peak KB,
# exit status. measured.md holds the last table.
# Usage: internal/tools/badgen/measure.sh [DIR]   (run from the module root)
set -eu
dir=${1:-$(mktemp -d)}
go build -o "$dir/annexgen" ./cmd/annexgen
BADGEN_DIR="$dir/in" go test ./internal/tools/badgen -run '^TestWriteDir$' -count=1 >/dev/null
cp checklist/xlsx/testdata/bad/legacy.xls checklist/xlsx/testdata/bad/legacy-xls.xlsx \
   checklist/xlsx/testdata/bad/ods-renamed.xlsx checklist/xlsx/testdata/bad/office1904.xlsx \
   samples/clinic.xlsx samples/hospital.xlsx "$dir/in/"
rm -f "$dir/times"
for f in "$dir"/in/*; do
	for cmd in validate render; do
		rm -rf "$dir/out"
		if [ $cmd = render ]; then args="render --per-vendor -o $dir/out"; else args=validate; fi
		/usr/bin/time -f "%e %M %x $cmd $(basename "$f")" -a -o "$dir/times" \
			"$dir/annexgen" $args "$f" >/dev/null 2>&1 || true
	done
done
echo "| file | command | s | peak KB | exit |"
echo "| --- | --- | ---: | ---: | ---: |"
grep -v "^Command" "$dir/times" | sort -k1,1nr -k2,2nr | awk '{ printf "| %s | %s | %s | %s | %s |\n", $5, $4, $1, $2, $3 }'
