package lock_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestLock(t *testing.T) { spec.Run(t, "04 lock") }
func TestMain(m *testing.M) { spec.Main(m) }
