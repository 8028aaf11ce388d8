package thread_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestThread(t *testing.T) { spec.Run(t, "02 thread") }
func TestMain(m *testing.M)   { spec.Main(m) }
