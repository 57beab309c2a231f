#!/bin/sh
# Measures the time and peak memory of annexgen validate and render on
# every file of the catalogue (big ones included) and on the samples.
# Prints one line per run: seconds, peak KB, exit status, command, file.
# Usage: internal/tools/badgen/measure.sh [DIR]   (run from the module root)
set -eu
dir=${1:-$(mktemp -d)}
go build -o "$dir/annexgen" ./cmd/annexgen
BADGEN_DIR="$dir/in" go test ./internal/tools/badgen -run '^TestWriteDir$' -count=1 >/dev/null
cp checklist/xlsx/testdata/bad/legacy.xls checklist/xlsx/testdata/bad/legacy-xls.xlsx \
   checklist/xlsx/testdata/bad/ods-renamed.xlsx checklist/xlsx/testdata/bad/office1904.xlsx \
   samples/clinic.xlsx samples/hospital.xlsx "$dir/in/"
for f in "$dir"/in/*; do
	for cmd in validate render; do
		rm -rf "$dir/out"
		if [ $cmd = render ]; then args="render --per-vendor -o $dir/out"; else args=validate; fi
		/usr/bin/time -f "%e %M %x $cmd $(basename "$f")" -a -o "$dir/times" \
			"$dir/annexgen" $args "$f" >/dev/null 2>&1 || true
	done
done
grep -v "^Command" "$dir/times" | sort -k1,1nr
