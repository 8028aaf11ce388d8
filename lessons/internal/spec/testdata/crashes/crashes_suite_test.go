package crashes_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestCrashes(t *testing.T) { spec.Run(t, "crashes fixture") }
func TestMain(m *testing.M)    { spec.Main(m) }
