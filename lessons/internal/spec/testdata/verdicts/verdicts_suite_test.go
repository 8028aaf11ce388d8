package verdicts_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestVerdicts(t *testing.T) { spec.Run(t, "verdicts fixture") }
func TestMain(m *testing.M)     { spec.Main(m) }
