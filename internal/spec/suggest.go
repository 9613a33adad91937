package spec

import (
	"fmt"
	"strings"
)

// closest returns the candidate nearest to got, or "" when none is near
// enough to be a likely typo. Case differences alone always match.
func closest(got string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		if strings.EqualFold(c, got) {
			return c
		}
		d := distance(strings.ToLower(got), strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := max(2, len(got)/3)
	if bestDist < 0 || bestDist > limit || bestDist >= len(got) {
		return ""
	}
	return best
}

// distance is the Levenshtein edit distance between a and b, counting
// bytes; the inputs here are ASCII keys.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		// Keys are short; long input is never a typo of one.
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// suggest is a hint naming the likely intended value, and the full list
// when it is short enough to read.
func suggest(got string, candidates []string, what string) string {
	list := strings.Join(candidates, ", ")
	if c := closest(got, candidates); c != "" {
		return fmt.Sprintf("did you mean %q? %s: %s", c, what, list)
	}
	return fmt.Sprintf("%s: %s", what, list)
}

// quote quotes a user value for a message, shortened when long.
func quote(s string) string { return fmt.Sprintf("%q", short(s)) }

// short shortens a user value for a message.
func short(s string) string {
	const maxLen = 60
	if len(s) > maxLen {
		return s[:maxLen] + "..."
	}
	return s
}
