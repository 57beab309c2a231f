package samples

//go:generate go run ../internal/samplegen -o .
