package pdf

import "slices"

// After the common cap, the widths are improved by moving room from one column to another where
// that makes the table fewer lines high (and, at equal height, its cells fewer lines), counting
// lines as the pieces of every cell filled in greedily. The rows of a long table are sampled and
// the work is bounded.

// cellPieces are, for every hard line of a cell, the widths of the pieces between which the
// line may break.
type cellPieces [][]float64

const (
	maxSampleRows = 32   // rows of a table counted, the header and others evenly spread
	maxFitSteps   = 32   // moves of room between columns
	maxTargets    = 8    // widths tried per column and move
	maxEvals      = 2000 // counts of the sampled table's lines
)

// sample returns at most maxSampleRows+1 rows of grid: the first and others evenly spread.
func sample(grid [][]cellPieces) [][]cellPieces {
	if len(grid) <= maxSampleRows+1 {
		return grid
	}
	out := [][]cellPieces{grid[0]}
	for k := 0; k < maxSampleRows; k++ {
		out = append(out, grid[1+k*(len(grid)-1)/maxSampleRows])
	}
	return out
}

// lineEstimate counts the lines of a table's cells at given column widths.
type lineEstimate struct {
	grid  [][]cellPieces
	pad   float64
	evals int
}

// lines is the number of lines of a cell at column width w.
func (e *lineEstimate) lines(c cellPieces, w float64) int {
	inner := w - e.pad + 1e-6
	n := 0
	for _, line := range c {
		n++
		var x float64
		for _, p := range line {
			if x > 0 && x+p > inner {
				n++
				x = 0
			}
			x += p
		}
	}
	return max(n, 1)
}

// cost is the height of the table in lines, then the lines of all its cells.
func (e *lineEstimate) cost(widths []float64) float64 {
	e.evals++
	var height, all int
	for _, row := range e.grid {
		tallest := 1
		for i, c := range row {
			n := e.lines(c, widths[i])
			tallest = max(tallest, n)
			all += n
		}
		height += tallest
	}
	return float64(height)*1e4 + float64(all)
}

// improve moves room between columns, keeping each within its min- and max-content width, while
// that lowers the cost.
func (e *lineEstimate) improve(widths, minW, maxW []float64) {
	base := e.cost(widths)
	trial := make([]float64, len(widths))
	for step := 0; step < maxFitSteps && e.evals < maxEvals; step++ {
		bestGain, bestI, bestJ, bestD := 0.0, -1, -1, 0.0
		for i := range widths {
			for _, to := range e.targets(i, widths[i], maxW[i]) {
				d := to - widths[i]
				for j := range widths {
					if j == i || widths[j]-d < minW[j] {
						continue
					}
					copy(trial, widths)
					trial[i], trial[j] = to, widths[j]-d
					if gain := base - e.cost(trial); gain > bestGain+1e-9 {
						bestGain, bestI, bestJ, bestD = gain, i, j, d
					}
				}
			}
		}
		if bestI < 0 {
			return
		}
		widths[bestI] += bestD
		widths[bestJ] -= bestD
		base -= bestGain
	}
}

// targets are the widths above w, up to limit, near which a cell of column i takes a line
// fewer, the nearest few first.
func (e *lineEstimate) targets(i int, w, limit float64) []float64 {
	var out []float64
	for _, row := range e.grid {
		n := e.lines(row[i], w)
		if n <= len(row[i]) {
			continue
		}
		var total float64
		for _, line := range row[i] {
			for _, p := range line {
				total += p
			}
		}
		if to := total/float64(n-1) + e.pad; to > w && to <= limit {
			out = append(out, to)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) > maxTargets {
		out = out[:maxTargets]
	}
	return out
}
