package pipe_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestPipe(t *testing.T) { spec.Run(t, "09 pipe") }
func TestMain(m *testing.M) { spec.Main(m) }
