// Package samples holds filled-in example workbooks and the documents
// annexgen writes from them. `go generate ./samples` rebuilds them all.
package samples

//go:generate go run ../internal/tools/samplegen -o .
//go:generate go run ../cmd/annexgen render --force clinic.xlsx hospital.xlsx
//go:generate go run ../cmd/annexgen render --force --doc annex hospital.xlsx
//go:generate go run ../cmd/annexgen render --force --doc memorandum clinic.xlsx hospital.xlsx
//go:generate go run ../cmd/annexgen render --force --doc sla --to md clinic.xlsx
//go:generate go run ../cmd/annexgen render --force --doc memorandum --per-vendor --to md hospital.xlsx
