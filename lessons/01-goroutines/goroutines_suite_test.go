package goroutines_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestGoroutines(t *testing.T) { spec.Run(t, "01 goroutines") }
func TestMain(m *testing.M)       { spec.Main(m) }
